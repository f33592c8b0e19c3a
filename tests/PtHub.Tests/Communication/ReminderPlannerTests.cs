using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Communication;

/// <summary>When reminders go out: lead times in the clinic's time zone, daylight-saving changes, quiet hours, late bookings.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly ClinicConfig Clinic = new("Eastside PT", "America/New_York", [], [], [new("ann", "Ann P., PT", 1)],
        new AlertThresholds(), LobbyNamingMode.Initials, ClinicConfig.DefaultVisitTypes);

    private static readonly MessagingSettings QuietOff = MessagingSettings.Default with { QuietFrom = TimeOnly.MinValue, QuietUntil = TimeOnly.MinValue };

    private static VisitSnapshot Visit(DateTimeOffset start, VisitStatus status = VisitStatus.Booked) =>
        new("v1", "c1", "p1", DateOnly.FromDateTime(start.UtcDateTime), "follow-up", start, 45, status, start, "ann", null,
            null, null, null, null, false, false, null, 1, null, []);

    private static IReadOnlyList<DateTimeOffset> DueTimes(DateTimeOffset start, DateTimeOffset now, MessagingSettings? settings = null) =>
        [.. ReminderPlanner.Plan(Visit(start), Clinic, settings ?? MessagingSettings.Default, MessageChannel.Sms, now, "test").Select(m => m.DueAt)];

    [Fact]
    public void AFortyEightHourReminderBeforeTheMondayAfterTheSpringChangeGoesOutAtTheSameClinicTimeOnSaturday()
    {
        var monday10 = new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero); // 10:00 EDT

        var due = DueTimes(monday10, monday10.AddDays(-7));

        // Saturday 10:00 EST is 15:00 UTC: 47 elapsed hours, the same wall-clock time two days before.
        Assert.Equal([new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero)], due);
    }

    [Fact]
    public void ATwoHourReminderAcrossTheAutumnChangeIsTwoElapsedHours()
    {
        var sunday3 = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero); // 03:00 EST, an hour after the clocks went back

        var due = ReminderPlanner.DueAt(sunday3, TimeSpan.FromHours(2), Clinic, QuietOff);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero), due); // the second 01:00 of the night
    }

    [Fact]
    public void AReminderFallingInQuietHoursWaitsForTheirEndWhenThatIsStillBeforeTheVisit()
    {
        var tuesday0830 = new DateTimeOffset(2026, 12, 15, 13, 30, 0, TimeSpan.Zero);

        var due = ReminderPlanner.DueAt(tuesday0830, TimeSpan.FromHours(2), Clinic, MessagingSettings.Default);

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 13, 0, 0, TimeSpan.Zero), due); // 08:00 EST, not 06:30
    }

    [Fact]
    public void AReminderFallingInQuietHoursThatEndTooLateGoesOutTheEveningBefore()
    {
        var tuesday0730 = new DateTimeOffset(2026, 12, 15, 12, 30, 0, TimeSpan.Zero);

        var due = ReminderPlanner.DueAt(tuesday0730, TimeSpan.FromHours(2), Clinic, MessagingSettings.Default);

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 1, 59, 0, TimeSpan.Zero), due); // Monday 20:59 EST
    }

    [Fact]
    public void ABookingInsideTheLeadTimeGetsOnlyTheRemindersStillAhead()
    {
        var start = new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal([start.AddHours(-2)], DueTimes(start, start.AddHours(-5)));
        Assert.Empty(DueTimes(start, start.AddMinutes(-90)));
    }

    [Fact]
    public void OnlyABookedVisitHasReminders()
    {
        var start = new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero);

        Assert.Empty(ReminderPlanner.Plan(Visit(start, VisitStatus.Cancelled), Clinic, MessagingSettings.Default, MessageChannel.Sms, start.AddDays(-5), "t"));
        Assert.Equal("none", ReminderPlanner.Signature(Visit(start, VisitStatus.Cancelled)));
    }

    [Fact]
    public void AMovedVisitsRemindersHaveNewKeysSoTheOldOnesAreWithdrawn()
    {
        var start = new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero);
        var now = start.AddDays(-5);

        var before = ReminderPlanner.Plan(Visit(start), Clinic, MessagingSettings.Default, MessageChannel.Sms, now, "t").Select(m => m.Key);
        var after = ReminderPlanner.Plan(Visit(start.AddDays(1)), Clinic, MessagingSettings.Default, MessageChannel.Sms, now, "t").Select(m => m.Key);

        Assert.Empty(before.Intersect(after));
    }

    [Fact]
    public void AReminderCarriesOnlyClinicDateTimeAndTherapist()
    {
        var start = new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero);

        var message = ReminderPlanner.Plan(Visit(start), Clinic, MessagingSettings.Default, MessageChannel.Sms, start.AddDays(-5), "t")[0];

        Assert.Equal(MessageTemplates.Fields.Order(), message.MergeData.Keys.Order());
        Assert.Equal("Reminder: your appointment at Eastside PT is on Tuesday, December 15 at 12:00 PM with Ann P., PT.",
            MessageTemplates.Render(MessagingSettings.Default.Templates[0].Body, message.MergeData));
    }

    [Fact]
    public void ATemplateCannotMergeAnythingButTheMinimumFields()
    {
        var data = new Dictionary<string, string> { ["clinic"] = "Eastside PT", ["diagnosis"] = "M54.5" };

        Assert.Equal("Eastside PT: ", MessageTemplates.Render("{clinic}: {diagnosis}", data));
        Assert.Equal(["diagnosis", "insurance"], MessageTemplates.UnknownFields("{clinic} {diagnosis} {insurance} {diagnosis}"));
    }
}
