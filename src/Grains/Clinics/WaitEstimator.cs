using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Wait estimate for one therapist: the patients waiting are served in order of appointment by the therapist's
/// overlap slots; a slot frees when its current session runs out, and each patient ahead takes their session. Session
/// lengths follow today's actual pace per visit type (<see cref="DayPace"/>); nobody is expected before their
/// appointment less how early this day's patients have been started, moved on by however late the therapist is
/// running. Minutes are rounded to the nearest. Pure. (v1 used booked lengths, never-early and rounding up; the
/// simulator in tools/ measures both.)
/// </summary>
public static class WaitEstimator
{
    /// <summary>A session past its expected end is assumed to need at least this long still.</summary>
    public static readonly TimeSpan OverrunAllowance = TimeSpan.FromMinutes(5);

    /// <summary>Estimated minutes until each waiting visit (by id) starts treatment, and for one more patient joining now.</summary>
    public static (Dictionary<string, int> Waits, int NextPatient) Estimate(
        IEnumerable<VisitSnapshot> therapistVisits, int capacity, DateTimeOffset now, int runningLateMinutes = 0, DayPace? pace = null)
    {
        pace ??= DayPace.Steady;
        var visits = therapistVisits.ToList();
        var slots = new PriorityQueue<int, TimeSpan>();
        var sessions = visits.Where(v => v.Status == VisitStatus.InTreatment)
            .Select(v => Remaining(v.TreatmentStartedAt!.Value.AddMinutes(pace.Minutes(v)) - now))
            .OrderBy(t => t).ToList();
        for (var i = 0; i < Math.Max(1, capacity); i++)
        {
            slots.Enqueue(i, i < sessions.Count ? sessions[i] : TimeSpan.Zero);
        }

        var waits = new Dictionary<string, int>();
        var queue = visits.Where(v => v.Status is VisitStatus.Arrived or VisitStatus.CheckedIn)
            .OrderBy(v => v.ScheduledStart).ThenBy(v => v.ArrivedAt).ThenBy(v => v.VisitId, StringComparer.Ordinal);
        foreach (var visit in queue)
        {
            slots.TryDequeue(out var slot, out var free);
            var start = Max(free, visit.ScheduledStart.AddMinutes(runningLateMinutes - pace.EarlyStartMinutes) - now);
            waits[visit.VisitId] = Minutes(start);
            slots.Enqueue(slot, start + TimeSpan.FromMinutes(pace.Minutes(visit)));
        }

        slots.TryPeek(out _, out var nextFree);
        return (waits, Minutes(nextFree));
    }

    /// <summary>
    /// What is left of a session expected to end in <paramref name="untilExpectedEnd"/>. Once it has overrun, it is
    /// expected to go on for as long again as it has overrun (at least <see cref="OverrunAllowance"/>), so the waits
    /// behind it grow while it runs on instead of standing at a few minutes that never come (docs/figures.md).
    /// </summary>
    public static TimeSpan Remaining(TimeSpan untilExpectedEnd) =>
        untilExpectedEnd >= OverrunAllowance ? untilExpectedEnd : Max(OverrunAllowance, -untilExpectedEnd);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static int Minutes(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);
}
