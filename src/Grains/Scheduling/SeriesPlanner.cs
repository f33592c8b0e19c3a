using PtHub.Grains.Contracts;

namespace PtHub.Grains.Scheduling;

/// <summary>
/// Which sessions a plan of care asks for: each week from the start date, the preferred weekdays in order (then the
/// other weekdays, if the plan wants more visits a week than it prefers days), at the preferred local time, with
/// fallbacks an hour or two either side. Local wall-clock time, so a daylight-saving change keeps 10:00 at 10:00. Pure.
/// </summary>
public static class SeriesPlanner
{
    private static readonly int[] FallbackMinutes = [0, 30, -30, 60, -60, 90, -90, 120, -120];

    /// <summary>Per week, the candidate dates in preference order.</summary>
    public static IEnumerable<(DateOnly WeekOf, IReadOnlyList<DateOnly> Days)> Weeks(PlanOfCareRequest request)
    {
        for (var week = 0; week < request.Weeks; week++)
        {
            var weekOf = request.StartDate.AddDays(7 * week);
            var dates = Enumerable.Range(0, 7).Select(weekOf.AddDays).ToList();
            var preferred = dates.Where(d => request.PreferredDays.Contains(d.DayOfWeek)).ToList();
            var others = dates.Except(preferred).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            yield return (weekOf, [.. preferred, .. others]);
        }
    }

    /// <summary>The local start times to try on a day, preferred first.</summary>
    public static IEnumerable<DateTimeOffset> Starts(ClinicConfig config, DateOnly date, TimeOnly preferred) =>
        FallbackMinutes.Select(m => preferred.AddMinutes(m)).Distinct().Select(t => config.Instant(date, t));
}
