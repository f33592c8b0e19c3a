using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Messaging;

namespace PtHub.Tests.Communication;

/// <summary>
/// The outbox against real providers in the test process: an SMTP server that parses every e-mail, and a local SMS API
/// that fails, answers slowly or sees the sender die. The clinic clock is fake; each test runs the sender's rounds itself.
/// </summary>
public sealed class OutboxDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABookedVisitsReminderArrivesByEmailWithAMessageIdDerivedFromItsKey()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "rita@example.test");
        await comms.BookAsync(clinic, patient, comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;

        comms.Clock.SetUtcNow(first.DueAt);
        Assert.Equal(1, await comms.Sender.DrainOnceAsync(Ct));

        var mail = Assert.Single(comms.Smtp.Messages);
        Assert.Equal("rita@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal(MessageIds.For(first.Key), mail.MessageId);
        Assert.Equal("Your appointment at API test clinic", mail.Subject);
        Assert.Contains("with Ann P., PT", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("follow-up", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        var sent = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Delivered, MessageChannel.Email, "r…@example.test", 1), (sent!.Status, sent.Channel, sent.Recipient, sent.Attempts));
        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        var entry = Assert.Single(audit, e => e.Action == OutboxSender.AuditAction);
        Assert.Equal(OutboxSender.AuditUser, entry.UserId);
        Assert.Contains($"outbox:{first.Key} channel=email template=reminder result=delivered", entry.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressTheMailServerDoesNotKnowIsMarkedBounced()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "nobody@example.test");
        await comms.BookAsync(clinic, patient, comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;

        comms.Clock.SetUtcNow(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);

        var bounced = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal(OutboxStatus.Bounced, bounced!.Status);
        Assert.StartsWith("SMTP 5", bounced.LastError, StringComparison.Ordinal);
        Assert.Empty(comms.Smtp.Messages);
    }

    [Fact]
    public async Task AFailingSmsProviderIsRetriedWithBackoffAndTheSameIdempotencyKey()
    {
        await using var comms = await CommsNode.StartAsync();
        var answers = new Queue<int>([503, 500, 202]);
        comms.Sms.Answer = (_, _) => Task.FromResult(answers.Dequeue());
        var clinic = await comms.ClinicAsync();
        await comms.BookAsync(clinic, await comms.PatientAsync(clinic), comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;

        comms.Clock.SetUtcNow(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);
        var afterFirst = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Pending, first.DueAt.AddSeconds(30), "HTTP 503"), (afterFirst!.Status, afterFirst.NextAttemptAt, afterFirst.LastError));
        Assert.Equal(0, await comms.Sender.DrainOnceAsync(Ct));
        comms.Clock.Advance(TimeSpan.FromSeconds(30));
        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Equal(first.DueAt.AddSeconds(90), (await comms.Store.GetAsync(first.Key, Ct))!.NextAttemptAt);
        comms.Clock.Advance(TimeSpan.FromSeconds(60));
        await comms.Sender.DrainOnceAsync(Ct);

        Assert.Equal(OutboxStatus.Delivered, (await comms.Store.GetAsync(first.Key, Ct))!.Status);
        var requests = comms.Sms.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal((first.Key, "555-0142"), (r.IdempotencyKey, r.To)));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC-test:sms-secret")), requests[0].Authorization);
        Assert.Equal(["retry", "retry", "delivered"], (await comms.Store.AttemptsAsync(first.Key, Ct)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task ASlowSmsProviderIsTriedAgainAfterItsTimeoutWithTheSameKey()
    {
        await using var comms = await CommsNode.StartAsync();
        var calls = 0;
        comms.Sms.Answer = async (_, aborted) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // No answer: the sender's own timeout (0.5 s) ends the wait and drops the connection.
                await Task.Delay(Timeout.Infinite, aborted);
            }

            return 202;
        };
        var clinic = await comms.ClinicAsync();
        await comms.BookAsync(clinic, await comms.PatientAsync(clinic), comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;

        comms.Clock.SetUtcNow(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Equal("no answer within 0.5 s", (await comms.Store.GetAsync(first.Key, Ct))!.LastError);
        comms.Clock.Advance(TimeSpan.FromSeconds(30));
        await comms.Sender.DrainOnceAsync(Ct);

        Assert.Equal(OutboxStatus.Delivered, (await comms.Store.GetAsync(first.Key, Ct))!.Status);
        Assert.Equal([first.Key, first.Key], comms.Sms.Requests.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task ANodeKilledBetweenSendingAndRecordingIsResentWithTheSameKeyOnceItsLeaseEnds()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        await comms.BookAsync(clinic, patient, comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;
        var services = comms.Node.Services;
        var options = services.GetRequiredService<IOptions<CommunicationOptions>>();
        var dying = new OutboxSender(comms.Store, services.GetRequiredService<ChannelDirectory>(), comms.Node.Grains, services.GetRequiredService<PatientLinkSigner>(), options, comms.Clock,
            NullLogger<OutboxSender>.Instance) { Node = "node-that-dies" };
        using var kill = new CancellationTokenSource();
        comms.Sms.Answer = async (_, _) =>
        {
            // The provider has the message; the node dies before it hears the answer or records anything.
            await kill.CancelAsync();
            return 202;
        };

        comms.Clock.SetUtcNow(first.DueAt);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.DrainOnceAsync(kill.Token));
        comms.Sms.Answer = (_, _) => Task.FromResult(202);
        Assert.Equal(0, await comms.Sender.DrainOnceAsync(Ct));
        comms.Clock.Advance(TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        Assert.Equal(1, await comms.Sender.DrainOnceAsync(Ct));

        var requests = comms.Sms.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal((first.Key, "555-0142"), (r.IdempotencyKey, r.To)));
        var delivered = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Delivered, 2), (delivered!.Status, delivered.Attempts));
        var attempt = Assert.Single(await comms.Store.AttemptsAsync(first.Key, Ct));
        Assert.Equal((2, comms.Sender.Node), (attempt.Attempt, attempt.Node));
        Assert.Single(await comms.MessagesAsync(clinic.Id, patient), m => m.Status == OutboxStatus.Delivered);
    }

    [Fact]
    public async Task WithNoChannelConfiguredTheMessageStaysQueuedAndSaysSo()
    {
        await using var comms = await CommsNode.StartAsync(channels: false);
        var clinic = await comms.ClinicAsync();
        await comms.BookAsync(clinic, await comms.PatientAsync(clinic), comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;

        comms.Clock.SetUtcNow(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);

        var queued = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Pending, "no channel configured"), (queued!.Status, queued.LastError));
        Assert.Empty(comms.Sms.Requests);
    }

    [Fact]
    public async Task QueuedRemindersSurviveARestartOfTheNode()
    {
        var database = Infrastructure.TempPaths.NewDatabase();
        string clinicId;
        OutboxMessage first;
        var now = DateTimeOffset.UtcNow;
        await using (var before = await CommsNode.StartAsync(database: database, now: now))
        {
            var clinic = await before.ClinicAsync();
            clinicId = clinic.Id;
            await before.BookAsync(clinic, await before.PatientAsync(clinic), before.StartIn(4));
            first = (await before.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;
        }

        await using var after = await CommsNode.StartAsync(database: database, now: first.DueAt);
        await after.Sender.DrainOnceAsync(Ct);

        Assert.Equal(OutboxStatus.Delivered, (await after.Store.GetAsync(first.Key, Ct))!.Status);
        Assert.Equal(first.Key, Assert.Single(after.Sms.Requests).IdempotencyKey);
        Assert.Equal(2, (await after.MessagesAsync(clinicId)).Count);
    }
}
