namespace PtHub.Silo.Messaging;

/// <summary>
/// An SMS provider's HTTP API: PtHub POSTs <c>{from, to, body}</c> as JSON to <see cref="Url"/> with basic
/// authentication (<see cref="AccountId"/>:<see cref="ApiKey"/>) and an <c>Idempotency-Key</c> header.
/// </summary>
public sealed class SmsOptions
{
    public Uri? Url { get; set; }

    public string? AccountId { get; set; }

    public string? ApiKey { get; set; }

    public string From { get; set; } = "";

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The secret the provider sends with each incoming text (header <c>X-PtHub-Sms-Secret</c>) to
    /// <c>POST /api/sms/inbound</c>; without it incoming texts (a STOP reply) are refused.
    /// </summary>
    public string? InboundSecret { get; set; }

    public bool IsConfigured => Url is not null;
}
