namespace PtHub.Simulator;

/// <summary>
/// A prototype of a better lobby estimate, computed by the simulator at each arrival from only what PtHub also knows
/// (statuses and event times of today's visits, booked lengths, overlap capacity, running late), to show what the
/// suggested changes to <c>WaitEstimator</c> would buy. It differs from PtHub's v1 in four ways: sessions take
/// today's actual/booked ratio of their visit type; therapists are allowed to start patients as early as they have
/// been starting them today; nobody starts before the desk's usual arrival-to-check-in delay; minutes are rounded,
/// not rounded up. It is not part of PtHub.
/// </summary>
internal static class CandidateEstimator
{
    public static double Estimate(PlannedVisit arriving, IReadOnlyList<PlannedVisit> day, SimTherapist therapist, int runningLate, DateTimeOffset now)
    {
        var finished = day.Where(v => v.StartedAt is not null && v.FinishAt <= now).ToList();
        double Ratio(SimVisitType type)
        {
            // Shrunk toward 1 until a few sessions of the type have finished today.
            var done = finished.Where(v => v.Type == type).ToList();
            const double prior = 3;
            return (done.Sum(v => v.ActualMinutes) + prior * type.Minutes) / (done.Sum(v => v.Type.Minutes) + prior * type.Minutes);
        }

        var started = day.Where(v => v.StartedAt is not null && !v.WalkIn).ToList();
        var early = started.Count == 0 ? 0 : Median(started.Select(v => Math.Max(0, (v.ScheduledStart - v.StartedAt!.Value).TotalMinutes)));
        var checkedIn = day.Where(v => v.CheckedInAt is not null).ToList();
        var deskDelay = checkedIn.Count == 0 ? 0 : Median(checkedIn.Select(v => (v.CheckedInAt!.Value - v.ArrivedAt!.Value).TotalMinutes));

        var slots = new PriorityQueue<int, double>();
        var sessions = day.Where(v => v.TherapistId == therapist.Id && v.StartedAt is not null && v.FinishAt > now)
            .Select(v => Math.Max((v.StartedAt!.Value - now).TotalMinutes + v.Type.Minutes * Ratio(v.Type), 2))
            .OrderBy(t => t).ToList();
        for (var i = 0; i < therapist.Capacity; i++)
        {
            slots.Enqueue(i, i < sessions.Count ? sessions[i] : 0);
        }

        var queue = day.Where(v => v.TherapistId == therapist.Id && v.ArrivedAt is not null && v.StartedAt is null && !v.Closed)
            .OrderBy(v => v.ScheduledStart).ThenBy(v => v.ArrivedAt).ThenBy(v => v.Index);
        foreach (var visit in queue)
        {
            slots.TryDequeue(out var slot, out var free);
            var notBefore = (visit.ScheduledStart - now).TotalMinutes + runningLate - early;
            var desk = visit.CheckedInAt is null ? deskDelay - (now - visit.ArrivedAt!.Value).TotalMinutes : 0;
            var start = Math.Max(Math.Max(free, notBefore), Math.Max(0, desk));
            if (visit == arriving)
            {
                return Math.Round(start);
            }

            slots.Enqueue(slot, start + visit.Type.Minutes * Ratio(visit.Type));
        }

        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
