using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Messaging;

namespace PtHub.Tests.Communication;

/// <summary>
/// What the outbox does when the clinic and the sender act at once: a visit cancelled while its reminder is on the
/// wire, a withdrawal of a message whose holder died, a patient opting back in after booking, and many e-mails over
/// one SMTP connection. Real node, real SMTP server and SMS API in the test process, fake clinic clock.
/// </summary>
public sealed class OutboxRaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVisitCancelledWhileItsReminderIsOnTheWireIsRecordedAsSentAuditedAndNotSentAgain()
    {
        // A provider slower than the cancel must not time out: the point is the cancel landing mid-send.
        await using var comms = await CommsNode.StartAsync(settings: ("PtHub:Communication:Sms:TimeoutSeconds", "60"));
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        var visit = await comms.BookAsync(clinic, patient, comms.StartIn(4));
        var planned = await comms.MessagesAsync(clinic.Id);
        var first = planned.MinBy(m => m.DueAt)!;
        var second = planned.MaxBy(m => m.DueAt)!;
        await comms.MoveClockAsync(first.DueAt);
        comms.Sms.Answer = async (_, _) =>
        {
            // The provider has the text; the desk cancels the visit before the sender hears back.
            (await clinic.CommandAsync(visit, "cancel", new { reason = "Patient called" })).EnsureSuccessStatusCode();
            return 202;
        };

        Assert.Equal(1, await comms.Sender.DrainOnceAsync(Ct));

        var sent = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Delivered, "…0142"), (sent!.Status, sent.Recipient));
        Assert.Equal("delivered", Assert.Single(await comms.Store.AttemptsAsync(first.Key, Ct)).Outcome);
        Assert.Equal(OutboxStatus.Withdrawn, (await comms.Store.GetAsync(second.Key, Ct))!.Status);
        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        Assert.Contains(audit, e => e.Action == OutboxSender.AuditAction && e.Resource.Contains($"outbox:{first.Key} ", StringComparison.Ordinal));

        comms.Sms.Answer = (_, _) => Task.FromResult(202);
        comms.Clock.SetUtcNow(second.DueAt);
        Assert.Equal(0, await comms.Sender.DrainOnceAsync(Ct));
        Assert.Single(comms.Sms.Requests);
    }

    [Fact]
    public async Task AMessageWithdrawnWhileADeadNodeHeldItIsWithdrawnOnceTheLeaseEndsAndNeverSent()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        var visit = await comms.BookAsync(clinic, patient, comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;
        await comms.MoveClockAsync(first.DueAt);
        var lease = TimeSpan.FromSeconds(comms.Node.Services.GetRequiredService<IOptions<CommunicationOptions>>().Value.LeaseSeconds);
        // Another node claims the reminder and dies before sending it.
        Assert.Equal(first.Key, Assert.Single(await comms.Store.ClaimAsync("node-that-dies", first.DueAt, lease, 10, Ct)).Key);

        (await clinic.CommandAsync(visit, "cancel", new { reason = "Patient called" })).EnsureSuccessStatusCode();

        Assert.Equal(OutboxStatus.Withdrawing, (await comms.Store.GetAsync(first.Key, Ct))!.Status);
        comms.Clock.Advance(lease);
        Assert.Equal(0, await comms.Sender.DrainOnceAsync(Ct));
        var settled = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal(OutboxStatus.Withdrawn, settled!.Status);
        Assert.Equal(comms.Clock.GetUtcNow(), settled.FinishedAt);
        Assert.Empty(comms.Sms.Requests);
        Assert.Empty(await comms.Store.AttemptsAsync(first.Key, Ct));
    }

    [Fact]
    public async Task APatientWhoOptsBackInGetsTheRemindersOfVisitsBookedWhileOptedOut()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        await PutPreferencesAsync(comms, clinic.Id, patient, optedOut: true);
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, patient, start);
        var past = await comms.BookAsync(clinic, patient, comms.StartIn(-1));
        Assert.Empty(await comms.MessagesAsync(clinic.Id));

        await PutPreferencesAsync(comms, clinic.Id, patient, optedOut: false);

        var planned = await comms.MessagesAsync(clinic.Id);
        Assert.All(planned, m => Assert.Equal((visit, OutboxStatus.Pending), (m.VisitId, m.Status)));
        // The clinic's lead times (48 h and 2 h, quiet hours off) from the visit's start, worked out here.
        Assert.Equal([start.AddHours(-48), start.AddHours(-2)], planned.Select(m => m.DueAt).Order());
        Assert.All(planned, m => Assert.Contains("opted back in", m.CausedBy, StringComparison.Ordinal));
        Assert.DoesNotContain(planned, m => m.VisitId == past);

        // Saying the same again plans nothing twice.
        await PutPreferencesAsync(comms, clinic.Id, patient, optedOut: false);
        Assert.Equal(2, (await comms.MessagesAsync(clinic.Id)).Count);
    }

    [Fact]
    public async Task ARoundOfEmailsGoesOverOneSmtpConnectionAndTheNextRoundReusesIt()
    {
        await using var comms = await CommsNode.StartAsync(settings: [("PtHub:Communication:Concurrency", "1"), ("PtHub:Communication:Email:IdleSeconds", "3600")]);
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "rita@example.test");
        var starts = new[] { 4, 5, 6 }.Select(comms.StartIn).ToArray();
        foreach (var start in starts)
        {
            await comms.BookAsync(clinic, patient, start);
        }

        // Due by then: the 48 h and 2 h reminders of the first visit and the 48 h one of the second.
        comms.Clock.SetUtcNow(starts[0].AddHours(-1));
        Assert.Equal(3, await comms.Sender.DrainOnceAsync(Ct));
        Assert.Equal((3, 1), (comms.Smtp.Messages.Count, comms.Smtp.Sessions));

        // Then the second visit's 2 h one and the third's 48 h one.
        comms.Clock.SetUtcNow(starts[1].AddHours(-1));
        Assert.Equal(2, await comms.Sender.DrainOnceAsync(Ct));
        Assert.Equal((5, 1), (comms.Smtp.Messages.Count, comms.Smtp.Sessions));
        Assert.Equal(5, (await comms.MessagesAsync(clinic.Id)).Count(m => m.Status == OutboxStatus.Delivered));
    }

    private static async Task PutPreferencesAsync(CommsNode comms, string clinicId, string patientId, bool optedOut)
    {
        using var response = await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinicId}/patients/{patientId}/contact-preferences",
            new { channel = (string?)null, optedOut }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
