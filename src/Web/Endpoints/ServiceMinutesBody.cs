namespace PtHub.Web.Endpoints;

/// <summary>Minutes of one procedure code as a client sends them; the visit checks the code and the minutes.</summary>
public sealed record ServiceMinutesBody(string? Code, int? Minutes);
