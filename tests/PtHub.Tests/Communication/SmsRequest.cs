namespace PtHub.Tests.Communication;

/// <summary>What the stand-in SMS provider received: the idempotency key, the credentials and the message.</summary>
public sealed record SmsRequest(string? IdempotencyKey, string? Authorization, string To, string Body, string From);
