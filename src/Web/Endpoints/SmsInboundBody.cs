namespace PtHub.Web.Endpoints;

/// <summary>A text a patient sent to a clinic's number, as the SMS provider passes it on: who from, to which number, what it says.</summary>
public sealed record SmsInboundBody(string? From, string? To, string? Body);
