using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Messaging;

/// <summary>
/// Delivers the outbox's due messages, on every node. Each round claims a batch under a lease (so no other node holds
/// those messages), reads the patient's preferences and address at that moment (an opt-out or a new number counts even
/// for a message already queued), renders the clinic's template, sends, and records the attempt and the new status
/// under the lease. A node that dies between sending and recording records nothing; once the lease runs out another
/// node sends the message again with the same idempotency key. A message withdrawn while leased is looked at once more
/// just before the send; one withdrawn after that look was sent, and its record says so. Every send that reached a
/// provider is audited.
/// </summary>
public sealed partial class OutboxSender(
    IOutboxStore store,
    ChannelDirectory channels,
    IGrainFactory grains,
    PatientLinkSigner links,
    IOptions<CommunicationOptions> options,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    public const string AuditUser = "system:outbox";
    public const string AuditAction = "message.send";

    /// <summary>This node's name on its leases and attempts.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private CommunicationOptions Options => options.Value;

    /// <summary>One round: claims due messages and sends them; the number claimed.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await store.ClaimAsync(Node, time.GetUtcNow(), TimeSpan.FromSeconds(Options.LeaseSeconds), Options.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken },
            async (message, ct) => await DeliverOrRetryAsync(message, ct));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Options.PollSeconds <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DrainOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: what was claimed and not recorded goes to another node (or this one after a restart) once its lease ends.
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, ex);
            }

            if (claimed < Options.BatchSize)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Options.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A message whose preparation fails (a grain call timing out) is tried again later; the others of the round go on.</summary>
    private async Task DeliverOrRetryAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogMessageFailed(logger, ex, message.Key);
            var now = time.GetUtcNow();
            var status = message.Attempts >= Options.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
            await RecordAsync(message, now, "error", ex.Message, status, message.Channel, null, cancellationToken, now + Options.Backoff(message.Attempts));
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= message.ExpiresAt)
        {
            await RecordAsync(message, now, "expired", message.Template switch
            {
                MessagingSettings.OfferTemplate => "the offers closed before it was sent",
                MessagingSettings.RecallTemplate => "its booking link expired before it was sent",
                _ => "the visit has begun",
            }, OutboxStatus.Expired, message.Channel, null, cancellationToken);
            return;
        }

        var preferences = await grains.GetGrain<IPatientMessagingGrain>(message.PatientId).GetPreferences();
        if (preferences.OptedOut)
        {
            await RecordAsync(message, now, "suppressed", "the patient opted out", OutboxStatus.Suppressed, message.Channel, null, cancellationToken);
            return;
        }

        var details = (await grains.GetGrain<IPatientGrain>(message.PatientId).Get())?.Details;
        var kind = preferences.Channel ?? message.Channel;
        var to = kind == MessageChannel.Sms ? details?.Phone : details?.Email;
        if (string.IsNullOrWhiteSpace(to))
        {
            await RecordAsync(message, now, "suppressed", kind == MessageChannel.Sms ? "no phone number" : "no e-mail address",
                OutboxStatus.Suppressed, kind, null, cancellationToken);
            return;
        }

        var settings = await grains.GetGrain<IClinicMessagingGrain>(message.ClinicId).GetSettings();
        if (await QuietUntilAsync(message.ClinicId, settings, now) is { } quietEnd)
        {
            await RecordAsync(message, now, "deferred", "quiet hours", OutboxStatus.Pending, kind, null, cancellationToken, quietEnd);
            return;
        }

        if (channels.Find(message.ClinicId, kind) is not { } channel)
        {
            await RecordAsync(message, now, "no-channel", "no channel configured", OutboxStatus.Pending, kind, null, cancellationToken,
                now + TimeSpan.FromSeconds(Options.RetryMaxSeconds));
            return;
        }

        var template = settings.TemplateFor(message.Template);
        var outgoing = new OutgoingMessage(message.Key, to.Trim(), MessageTemplates.Render(template.Subject, message.MergeData),
            MessageTemplates.Render(template.Body, message.MergeData) + await LinkLineAsync(message) + await OptOutLineAsync(message, kind));
        if ((await store.GetAsync(message.Key, cancellationToken))?.Status == OutboxStatus.Withdrawing)
        {
            // Withdrawn (the visit cancelled or moved) while this round prepared it: not sent. Recorded as pending, the
            // store settles it as withdrawn. A withdrawal after this read cannot stop the send; the record then says it went.
            await RecordAsync(message, now, "withdrawn", "withdrawn before it was sent", OutboxStatus.Pending, kind, null, cancellationToken);
            return;
        }

        var result = await channel.SendAsync(outgoing, cancellationToken);
        var at = time.GetUtcNow();
        var (status, next) = result.Outcome switch
        {
            SendOutcome.Delivered => (OutboxStatus.Delivered, at),
            SendOutcome.Bounced => (OutboxStatus.Bounced, at),
            SendOutcome.Failed => (OutboxStatus.Failed, at),
            _ when message.Attempts >= Options.MaxAttempts => (OutboxStatus.Failed, at),
            _ => (OutboxStatus.Pending, at + Options.Backoff(message.Attempts)),
        };
        if (await RecordAsync(message, at, result.Outcome.ToString().ToLowerInvariant(), result.Detail, status, kind, Mask(kind, to), cancellationToken, next))
        {
            await AuditAsync(message, kind, result.Outcome);
        }
    }

    /// <summary>
    /// A reminder's confirm / cancel / reschedule link, signed as the message is sent (never stored), for the start it was
    /// planned for (the last part of its idempotency key), a recall's booking link, or a waitlist offer's accept link
    /// (named by its key); empty when the message has no link or no public address is set.
    /// </summary>
    private async Task<string> LinkLineAsync(OutboxMessage message)
    {
        if (message.Template == MessagingSettings.RecallTemplate)
        {
            return await grains.GetGrain<IClinicRecallGrain>(message.ClinicId).FindByMessage(message.Key) is { } recall
                && await links.RecallUrlAsync(recall.Link) is { } recallUrl
                ? $"\n\nBook your next visit: {recallUrl}"
                : "";
        }

        if (message.Template == MessagingSettings.OfferTemplate)
        {
            return OfferLinks.ForMessage(message) is { } offer && await links.OfferUrlAsync(offer) is { } offerUrl
                ? $"\n\nTo take this time (the first to accept gets it): {offerUrl}"
                : "";
        }

        if (message.VisitId is null || message.Template != MessagingSettings.ReminderTemplate
            || !long.TryParse(message.Key[(message.Key.LastIndexOf('|') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var startSeconds)
            || await links.UrlAsync(VisitLinks.ForReminder(message, DateTimeOffset.FromUnixTimeSeconds(startSeconds))) is not { } url)
        {
            return "";
        }

        return $"\n\nConfirm, cancel or change this appointment: {url}";
    }

    /// <summary>Every e-mail ends with its unsubscribe link (a text message is stopped by replying STOP instead).</summary>
    private async Task<string> OptOutLineAsync(OutboxMessage message, MessageChannel kind) =>
        kind == MessageChannel.Email && await links.OptOutUrlAsync(message.ClinicId, message.PatientId) is { } url
            ? $"\n\nTo stop these messages: {url}"
            : "";

    /// <summary>The end of the clinic's quiet hours when now is inside them, else null.</summary>
    private async Task<DateTimeOffset?> QuietUntilAsync(string clinicId, MessagingSettings settings, DateTimeOffset now)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } clinic)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, clinic.TimeZone).DateTime;
        if (!settings.IsQuiet(TimeOnly.FromDateTime(local)))
        {
            return null;
        }

        var end = DateOnly.FromDateTime(local).ToDateTime(settings.QuietUntil);
        return clinic.Instant(DateOnly.FromDateTime(end <= local ? end.AddDays(1) : end), settings.QuietUntil);
    }

    private async Task<bool> RecordAsync(OutboxMessage message, DateTimeOffset at, string outcome, string? detail, OutboxStatus status,
        MessageChannel channel, string? recipient, CancellationToken cancellationToken, DateTimeOffset? next = null)
    {
        var recorded = await store.RecordAsync(Node, new OutboxAttempt(message.Key, message.Attempts, at, Node, outcome, detail), status,
            next ?? at, channel, recipient, cancellationToken);
        if (!recorded)
        {
            LogLeaseLost(logger, message.Key);
        }

        return recorded;
    }

    private async Task AuditAsync(OutboxMessage message, MessageChannel channel, SendOutcome outcome)
    {
        try
        {
            var record = new AuditRecord(AuditUser, "System", message.ClinicId, message.PatientId, AuditAction,
                string.Create(CultureInfo.InvariantCulture,
                    $"outbox:{message.Key} channel={channel.ToString().ToLowerInvariant()} template={message.Template} result={outcome.ToString().ToLowerInvariant()} caused-by={message.CausedBy}"),
                AuditOutcomes.Ok, Node);
            await grains.ChainOf(record).Append(record);
        }
        catch (Exception ex)
        {
            // The send is recorded in the outbox with its attempt (who, when, which node); the audit entry is its copy.
            LogAuditFailed(logger, ex, message.Key);
        }
    }

    /// <summary>What the queue shows of the address: enough to tell which one was used, no more.</summary>
    internal static string Mask(MessageChannel channel, string to)
    {
        var value = to.Trim();
        if (channel == MessageChannel.Sms)
        {
            var digits = new string([.. value.Where(char.IsAsciiDigit)]);
            return digits.Length >= 4 ? $"…{digits[^4..]}" : "…";
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? $"{value[0]}…{value[at..]}" : "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox round failed; trying again at the next one")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Key} could not be prepared or sent; will retry")]
    private static partial void LogMessageFailed(ILogger logger, Exception ex, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Key}: its lease was lost before the attempt was recorded")]
    private static partial void LogLeaseLost(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Key}: sent and recorded, but its audit entry failed")]
    private static partial void LogAuditFailed(ILogger logger, Exception ex, string key);
}
