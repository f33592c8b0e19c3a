namespace PtHub.Web.Endpoints;

/// <summary>What an incoming text did: how many patient records (of the clinics on that number) it opted out.</summary>
public sealed record SmsInboundResult(int OptedOut);
