namespace PtHub.Web.Endpoints;

/// <summary>A patient link's token (the part of the link after '#'), and for a reschedule the start chosen among the offered slots.</summary>
public sealed record VisitLinkBody(string? Token, DateTimeOffset? Start);
