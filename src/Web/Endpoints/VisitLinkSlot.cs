namespace PtHub.Web.Endpoints;

/// <summary>A free start offered to a patient who reschedules: the instant, and its date and time in the clinic's time zone.</summary>
public sealed record VisitLinkSlot(DateTimeOffset Start, string Date, string Time);
