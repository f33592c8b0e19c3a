using System.Net.Http.Json;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Communication;

/// <summary>A visit's reminders follow it: planned at booking, re-timed when it moves, withdrawn when it is cancelled; opt-outs win.</summary>
public sealed class ReminderLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMovedVisitsRemindersAreReTimedAndACancelledVisitsAreWithdrawn()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, await comms.PatientAsync(clinic), start);
        Assert.Equal([start.AddHours(-48), start.AddHours(-2)], (await comms.MessagesAsync(clinic.Id)).Select(m => m.DueAt).Order());

        (await comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{visit}/reschedule",
            new { scheduledStart = start.AddDays(1), overrideReason = "test" }, Ct)).EnsureSuccessStatusCode();
        var moved = await comms.MessagesAsync(clinic.Id);
        Assert.Equal([start.AddHours(24 - 48), start.AddHours(22)], moved.Where(m => m.Status == OutboxStatus.Pending).Select(m => m.DueAt).Order());
        Assert.Equal(2, moved.Count(m => m.Status == OutboxStatus.Withdrawn));

        (await clinic.CommandAsync(visit, "cancel", new { reason = "Patient called" })).EnsureSuccessStatusCode();
        var cancelled = await comms.MessagesAsync(clinic.Id);
        Assert.Equal(4, cancelled.Count);
        Assert.All(cancelled, m => Assert.Equal(OutboxStatus.Withdrawn, m.Status));

        comms.Clock.SetUtcNow(start.AddHours(-1));
        Assert.Equal(0, await comms.Sender.DrainOnceAsync(Ct));
        Assert.Empty(comms.Sms.Requests);
    }

    [Fact]
    public async Task ABookingInsideTheLeadTimeGetsNoStaleReminder()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var start = new DateTimeOffset(comms.Clock.GetUtcNow().AddHours(3).UtcDateTime.Date, TimeSpan.Zero)
            .AddMinutes(Math.Ceiling(comms.Clock.GetUtcNow().AddHours(3).UtcDateTime.TimeOfDay.TotalMinutes));

        await comms.BookAsync(clinic, await comms.PatientAsync(clinic), start);

        var only = Assert.Single(await comms.MessagesAsync(clinic.Id));
        Assert.Equal(start.AddHours(-2), only.DueAt);
    }

    [Fact]
    public async Task AnOptedOutPatientGetsNothingEvenForAReminderAlreadyQueued()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        await comms.BookAsync(clinic, patient, comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;

        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patient}/contact-preferences", new { optedOut = true }, Ct))
            .EnsureSuccessStatusCode();
        await comms.BookAsync(clinic, patient, comms.StartIn(5));
        comms.Clock.SetUtcNow(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);

        var suppressed = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Suppressed, "the patient opted out"), (suppressed!.Status, suppressed.LastError));
        Assert.Equal(2, (await comms.MessagesAsync(clinic.Id)).Count);
        Assert.Empty(comms.Sms.Requests);
    }

    [Fact]
    public async Task AMessageThatComesDueInQuietHoursIsHeldUntilTheyEnd()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        await comms.BookAsync(clinic, await comms.PatientAsync(clinic), comms.StartIn(4));
        var first = (await comms.MessagesAsync(clinic.Id)).MinBy(m => m.DueAt)!;
        // The clinic turns quiet hours on around the time the reminder was planned for (14:00 UTC is 09:00 in New York).
        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging", new { remindersEnabled = true, reminderLeadHours = new[] { 48.0, 2.0 }, quietFrom = "08:30", quietUntil = "10:00" }, Ct))
            .EnsureSuccessStatusCode();

        comms.Clock.SetUtcNow(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);

        var held = await comms.Store.GetAsync(first.Key, Ct);
        Assert.Equal((OutboxStatus.Pending, "quiet hours"), (held!.Status, held.LastError));
        Assert.Equal(first.DueAt.AddHours(1), held.NextAttemptAt);
        Assert.Empty(comms.Sms.Requests);
        comms.Clock.SetUtcNow(held.NextAttemptAt);
        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Equal(OutboxStatus.Delivered, (await comms.Store.GetAsync(first.Key, Ct))!.Status);
    }
}
