namespace PtHub.Web.Endpoints;

/// <summary>Minutes of one procedure code, as a client sends them; every field is checked before use.</summary>
public sealed record BillingServiceLine(string? Code, int? Minutes);
