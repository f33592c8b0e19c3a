using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Tests.Scheduling;

/// <summary>The booking rules at their edges, on a Monday in a clinic open 07:00-19:00 (UTC).</summary>
public sealed class ScheduleRulesTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static ClinicConfig Config(IReadOnlyList<WorkingHours>? annHours = null, IReadOnlyList<DateOnly>? closed = null) => new(
        "Rules clinic", "UTC",
        [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))],
        [new("room-1", "Room 1", TreatmentSpaceKind.Private, 1), new("gym", "Gym", TreatmentSpaceKind.Gym, 3),
         new("pool", "Pool", TreatmentSpaceKind.Pool, 2, OutOfService: true)],
        [new("ann", "Ann", 1, annHours), new("bob", "Bob", 2)],
        new AlertThresholds(), LobbyNamingMode.Initials, ClinicConfig.DefaultVisitTypes, ClosedDates: closed);

    private static DateTimeOffset At(int hour, int minute = 0) => new(Monday.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static int _next;

    private static VisitSnapshot Booked(string therapist, DateTimeOffset start, int minutes = 45, string? room = null, string patient = "p-other",
        VisitStatus status = VisitStatus.Booked) =>
        new($"v{Interlocked.Increment(ref _next)}", "c", patient, Monday, "follow-up", start, minutes, status, start, therapist, null,
            null, null, null, null, false, false, null, 1, null, [], PlannedRoomId: room);

    private static IReadOnlyList<string> Check(ProposedVisit visit, params VisitSnapshot[] day) => ScheduleRules.Conflicts(Config(), Monday, day, visit);

    [Fact]
    public void BackToBackVisitsDoNotConflict()
    {
        Assert.Empty(Check(new ProposedVisit("ann", At(9, 45), 45), Booked("ann", At(9))));
        Assert.Empty(Check(new ProposedVisit("ann", At(8, 15), 45), Booked("ann", At(9))));
    }

    [Fact]
    public void OneMinuteOfOverlapConflicts()
    {
        var conflicts = Check(new ProposedVisit("ann", At(9, 44), 45), Booked("ann", At(9)));

        Assert.Contains(conflicts, c => c.Contains("Ann already has 1 patient(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void TherapistOverlapCapacityIsFullAtExactlyItsLimit()
    {
        var first = Booked("bob", At(10));

        Assert.Empty(Check(new ProposedVisit("bob", At(10, 15), 45), first));
        Assert.NotEmpty(Check(new ProposedVisit("bob", At(10, 15), 45), first, Booked("bob", At(10, 30))));
    }

    [Fact]
    public void CapacityCountsPatientsAtTheSameInstantNotAcrossTheSpan()
    {
        // Bob has two patients, but never both at once during 10:00-11:00: one until 10:30, one from 10:30.
        Assert.Empty(Check(new ProposedVisit("bob", At(10), 60), Booked("bob", At(9, 45)), Booked("bob", At(10, 30))));
    }

    [Fact]
    public void TheGymTakesSeveralPatientsUpToItsCapacity()
    {
        var day = new[] { Booked("ann", At(11), room: "gym"), Booked("bob", At(11), room: "gym") };

        Assert.Empty(Check(new ProposedVisit("bob", At(11), 45, "gym"), day));
        Assert.Contains(Check(new ProposedVisit("bob", At(11), 45, "gym"), [.. day, Booked("ann", At(11, 30), room: "gym")]),
            c => c.Contains("Gym is fully booked", StringComparison.Ordinal));
    }

    [Fact]
    public void APrivateRoomIsFullWithOnePatientAndAnOutOfServiceSpaceTakesNone()
    {
        Assert.NotEmpty(Check(new ProposedVisit("bob", At(12), 45, "room-1"), Booked("ann", At(12, 30), room: "room-1")));
        Assert.Contains(Check(new ProposedVisit("bob", At(12), 45, "pool")), c => c.Contains("out of service", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePatientIsNeverBookedTwiceAtOnce()
    {
        var conflicts = Check(new ProposedVisit("bob", At(14), 45, PatientId: "p1"), Booked("ann", At(14, 30), patient: "p1"));

        Assert.Contains(conflicts, c => c.Contains("patient already has a visit", StringComparison.Ordinal));
    }

    [Fact]
    public void CancelledAndNoShowVisitsFreeTheirTime()
    {
        Assert.Empty(Check(new ProposedVisit("ann", At(9), 45),
            Booked("ann", At(9), status: VisitStatus.Cancelled), Booked("ann", At(9), status: VisitStatus.NoShow)));
    }

    [Fact]
    public void ARescheduledVisitDoesNotConflictWithItself()
    {
        var visit = Booked("ann", At(9));

        Assert.Empty(Check(new ProposedVisit("ann", At(9, 30), 45, ReplacesVisitId: visit.VisitId), visit));
    }

    [Fact]
    public void VisitsMustFitOpeningHoursAndTheClinicsClosedDays()
    {
        Assert.Contains(Check(new ProposedVisit("bob", At(18, 30), 45)), c => c.Contains("not open", StringComparison.Ordinal));
        Assert.Empty(Check(new ProposedVisit("bob", At(18, 15), 45)));
        Assert.Contains(ScheduleRules.Conflicts(Config(closed: [Monday]), Monday, [], new ProposedVisit("bob", At(10), 45)),
            c => c.Contains("not open", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkingHoursLeaveBreaksAndTimeOffLeavesNothing()
    {
        var hours = new[] { new WorkingHours(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0)), new WorkingHours(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0)) };
        var config = Config(hours);

        Assert.Empty(ScheduleRules.Conflicts(config, Monday, [], new ProposedVisit("ann", At(11, 15), 45)));
        Assert.Contains(ScheduleRules.Conflicts(config, Monday, [], new ProposedVisit("ann", At(11, 30), 45)), c => c.Contains("does not work", StringComparison.Ordinal));
        Assert.Empty(ScheduleRules.Conflicts(config, Monday, [], new ProposedVisit("ann", At(13), 45)));
        var off = config with { Therapists = [config.Therapists[0] with { TimeOff = [Monday] }, config.Therapists[1]] };
        Assert.NotEmpty(ScheduleRules.Conflicts(off, Monday, [], new ProposedVisit("ann", At(13), 45)));
    }

    [Fact]
    public void AClinicOpenAroundTheClockTakesVisitsAcrossMidnight()
    {
        var allDay = Config() with { OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, TimeOnly.MinValue, TimeOnly.MinValue))] };

        Assert.Empty(ScheduleRules.Conflicts(allDay, Monday, [], new ProposedVisit("bob", At(23, 40), 45)));
    }

    [Fact]
    public void FreeStartsSkipBookedTimeAndThePast()
    {
        var day = new[] { Booked("ann", At(9), 60) };

        var starts = ScheduleRules.FreeStarts(Config(), Monday, day, "ann", 45, TimeSpan.FromMinutes(15), At(8)).ToList();

        Assert.Equal(At(8), starts[0]);
        Assert.Equal(At(8, 15), starts[1]);
        Assert.DoesNotContain(At(8, 30), starts);
        Assert.DoesNotContain(At(9, 30), starts);
        Assert.Contains(At(10), starts);
        Assert.Equal(At(18, 15), starts[^1]);
    }
}
