namespace PtHub.Web.Endpoints;

/// <summary>The desk offers an opening to the waitlist: the clinic day the opening is on (as the board shows it).</summary>
public sealed record OfferStartBody(DateOnly? Date);
