namespace PtHub.Web.Endpoints;

/// <summary>A waitlist offer link's token (the part of the link after '#').</summary>
public sealed record OfferLinkBody(string? Token);
