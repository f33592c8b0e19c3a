using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;

namespace PtHub.Tests.Kpis;

/// <summary>Working time, the base of therapist productivity, against a week worked out by hand (docs/figures.md).</summary>
public sealed class KpiWorkingTimeTests
{
    // Monday 2026-03-02 to Sunday 2026-03-08, Chicago (before the DST change of 2026-03-08 02:00 only on the Sunday).
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static ClinicConfig Clinic() => new(
        "Hours", "America/Chicago",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))],
        [new TreatmentSpace("gym", "Gym", TreatmentSpaceKind.Gym, 10)],
        [
            // Ann: Mon and Wed 08:00–12:00 and 13:00–17:00 (a lunch break), the Wednesday off.
            new TherapistProfile("ann", "Ann", 2, [
                new WorkingHours(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0)), new WorkingHours(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
                new WorkingHours(DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(12, 0)), new WorkingHours(DayOfWeek.Wednesday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
            ], [Monday.AddDays(2)]),
            // Bob: no hours of his own, so the clinic's opening hours.
            new TherapistProfile("bob", "Bob", 2),
        ],
        new AlertThresholds(), LobbyNamingMode.Initials, ClinicConfig.DefaultVisitTypes, ClosedDates: [Monday.AddDays(3)]);

    [Fact]
    public void AWeekOfHoursBreaksDaysOffAndAClosedDateUpToNow()
    {
        var config = Clinic();
        // Now: Friday 10:30 Chicago (CST, UTC−6).
        var now = new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero);

        var working = KpiWorkingTime.Of("c", config, Monday, Monday.AddDays(6), now);

        long Minutes(string therapist, int day) => working.Where(w => w.TherapistId == therapist && w.Day == Monday.AddDays(day)).Sum(w => w.Seconds) / 60;
        // Ann: Monday 4 h + 4 h = 480; Tuesday no hours; Wednesday off; Thursday closed (and no hours); Friday no hours.
        Assert.Equal([480, 0, 0, 0, 0, 0, 0], Enumerable.Range(0, 7).Select(d => Minutes("ann", d)));
        // Bob: Mon–Wed 07:00–19:00 = 720; Thursday closed; Friday 07:00–10:30 = 210 so far; the weekend ahead counts nothing.
        Assert.Equal([720, 720, 720, 0, 210, 0, 0], Enumerable.Range(0, 7).Select(d => Minutes("bob", d)));
        Assert.Equal([480], KpiWorkingTime.Of("c", config, Monday, Monday.AddDays(6), now, "ann").Select(w => w.Seconds / 60));
    }

    [Fact]
    public void SpaceTimeIsCapacityThroughTheOpeningHoursUpToNow()
    {
        var now = new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero);

        var spaces = KpiCalculator.Figures(
            [new KpiDayRow("c", Monday, "bob") { OccupiedSeconds = 1800 * 60L }], [], [], KpiSpaceTime.Of("c", Clinic(), Monday, Monday.AddDays(6), now), Monday, Monday.AddDays(6));

        // The gym's 10 places: Mon–Wed 720 min each (21,600), Thursday closed, Friday 210 so far (2,100): 23,700 capacity-minutes.
        Assert.Equal([7200, 7200, 7200, 2100], KpiSpaceTime.Of("c", Clinic(), Monday, Monday.AddDays(6), now).Select(s => s.CapacitySeconds / 60));
        // 1,800 occupied minutes / 23,700 = 7.59… → 7.6 %.
        Assert.Equal((1800, 23700, 7.6), (spaces.OccupiedMinutes, spaces.SpaceMinutes, spaces.SpaceUtilization));
    }

    [Fact]
    public void ProductivityIsTreatingTimeOverWorkingTimeFromTheSums()
    {
        // Two days of one therapist: 300 of 480 minutes and 540 of 720: (300 + 540) / (480 + 720) = 70.0 %, not the mean of 62.5 % and 75 %.
        KpiDayRow Row(int day, int treatingMinutes) => new("c", Monday.AddDays(day), "ann") { TreatingSeconds = treatingMinutes * 60L };
        KpiWorkingTime Working(int day, int minutes) => new("c", Monday.AddDays(day), "ann", minutes * 60L);

        var figures = KpiCalculator.Figures([Row(0, 300), Row(1, 540)], [], [Working(0, 480), Working(1, 720)], [], Monday, Monday.AddDays(1));
        var none = KpiCalculator.Figures([Row(0, 300)], [], [], [], Monday, Monday);

        Assert.Equal((840, 1200, 70.0), (figures.TreatingMinutes, figures.WorkingMinutes, figures.Productivity));
        Assert.Null(none.Productivity);
        var judged = KpiTargets.Judge(figures).Single(t => t.Figure == "productivity");
        Assert.Equal(("near", "Therapist productivity 70 %: near target (≥ 75 %)"), (judged.State, judged.Text));
    }
}
