using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Wait estimate v1 for one therapist: the patients waiting are served in order of appointment by the therapist's
/// overlap slots; a slot frees when its current session's scheduled time runs out, and each patient ahead takes
/// their scheduled duration. Nobody is expected to be seen before their appointment time, moved on by however late
/// the therapist is running. Pure.
/// </summary>
public static class WaitEstimator
{
    /// <summary>A session past its scheduled end is assumed to need this long still.</summary>
    public static readonly TimeSpan OverrunAllowance = TimeSpan.FromMinutes(5);

    /// <summary>Estimated minutes until each waiting visit (by id) starts treatment, and for one more patient joining now.</summary>
    public static (Dictionary<string, int> Waits, int NextPatient) Estimate(
        IEnumerable<VisitSnapshot> therapistVisits, int capacity, DateTimeOffset now, int runningLateMinutes = 0)
    {
        var visits = therapistVisits.ToList();
        var slots = new PriorityQueue<int, TimeSpan>();
        var sessions = visits.Where(v => v.Status == VisitStatus.InTreatment)
            .Select(v => Max(v.TreatmentStartedAt!.Value.AddMinutes(v.DurationMinutes) - now, OverrunAllowance))
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
            var start = Max(free, visit.ScheduledStart.AddMinutes(runningLateMinutes) - now);
            waits[visit.VisitId] = Minutes(start);
            slots.Enqueue(slot, start + TimeSpan.FromMinutes(visit.DurationMinutes));
        }

        slots.TryPeek(out _, out var nextFree);
        return (waits, Minutes(nextFree));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static int Minutes(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(span.TotalMinutes);
}
