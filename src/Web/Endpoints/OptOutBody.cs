namespace PtHub.Web.Endpoints;

/// <summary>The token of a patient's unsubscribe link (the part after '#').</summary>
public sealed record OptOutBody(string? Token);
