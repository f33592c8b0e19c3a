using System.ComponentModel.DataAnnotations;

namespace PtHub.Silo.Messaging;

/// <summary>
/// The "PtHub:Communication" section: how the outbox sender runs, and the channels. <see cref="Email"/> and
/// <see cref="Sms"/> apply to every clinic unless <see cref="Clinics"/> gives a clinic its own; with neither, messages
/// stay queued with "no channel configured".
/// </summary>
public sealed class CommunicationOptions
{
    public const string Section = "PtHub:Communication";

    /// <summary>How often (seconds) each node looks for due messages when the last look found fewer than a batch; 0 stops this node's sender.</summary>
    [Range(0, 3600)]
    public double PollSeconds { get; set; } = 5;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Messages of one batch sent at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a claimed message is this node's; after that another node may send it again (same idempotency key).</summary>
    [Range(1, 86400)]
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a message that keeps failing is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry's wait; each later one waits twice as long, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(0.001, 86400)]
    public double RetryBaseSeconds { get; set; } = 30;

    [Range(0.001, 86400)]
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>The patient links in reminders; checked by <see cref="PatientLinkSigner"/> when it first signs.</summary>
    public LinkOptions Links { get; set; } = new();

    public EmailOptions? Email { get; set; }

    public SmsOptions? Sms { get; set; }

    /// <summary>Per clinic id: channels of that clinic instead of the default ones.</summary>
    public Dictionary<string, ClinicChannelOptions> Clinics { get; set; } = [];

    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempt - 1))));
}
