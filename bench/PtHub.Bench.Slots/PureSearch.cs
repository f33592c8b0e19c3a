using System.Diagnostics;
using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Bench.Slots;

/// <summary>
/// The free-slot search without the node: <see cref="ScheduleRules.FreeStarts"/> per day and therapist, as each
/// clinic-day grain runs it for the endpoint (15-minute step, not before now), over the same visits.
/// </summary>
internal sealed class PureSearch(ClinicConfig config, DateOnly from, IReadOnlyList<Dictionary<string, VisitSnapshot>> days)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private readonly int _minutes = config.FindVisitType(SyntheticClinic.VisitType)!.DefaultMinutes;

    /// <summary>Free starts found over all days for these therapists, in calls to FreeStarts (one per day and therapist).</summary>
    public int Run(IReadOnlyList<string> therapists, int dayCount)
    {
        var now = DateTimeOffset.UtcNow;
        var found = 0;
        for (var d = 0; d < dayCount; d++)
        {
            var visits = days[d].Values;
            foreach (var therapist in therapists)
            {
                found += ScheduleRules.FreeStarts(config, from.AddDays(d), visits, therapist, _minutes, Step, now).ToArray().Length;
            }
        }

        return found;
    }

    /// <summary>One timed run (ms) and what it found.</summary>
    public (double Ms, int Slots) Time(IReadOnlyList<string> therapists, int dayCount)
    {
        var started = Stopwatch.GetTimestamp();
        var slots = Run(therapists, dayCount);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, slots);
    }

    /// <summary>
    /// Warm-up (every query at least 20 times, and a second in all, so the JIT's tiers settle), then
    /// <paramref name="reps"/> timed rounds of all the queries, in a rotating order so that the machine's noise
    /// falls on each alike. Returns each query's timings (ms), what it found and the bytes one run allocates.
    /// </summary>
    public static (Summary Ms, int Slots, long AllocatedBytes)[] MeasureInterleaved(IReadOnlyList<(PureSearch Search, IReadOnlyList<string> Therapists, int Days)> queries, int reps)
    {
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 20 || warmup.ElapsedMilliseconds < 1000; i++)
        {
            foreach (var (search, therapists, days) in queries)
            {
                search.Run(therapists, days);
            }
        }

        // Bytes allocated by one run of each query (this thread only: the search runs on it).
        var allocated = queries.Select(q =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            q.Search.Run(q.Therapists, q.Days);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }).ToArray();

        var times = queries.Select(_ => new List<double>(reps)).ToArray();
        var slots = new int[queries.Count];
        for (var rep = 0; rep < reps; rep++)
        {
            for (var k = 0; k < queries.Count; k++)
            {
                var q = (k + rep) % queries.Count;
                (var ms, slots[q]) = queries[q].Search.Time(queries[q].Therapists, queries[q].Days);
                times[q].Add(ms);
            }
        }

        return [.. times.Select((t, q) => (Summary.Of(t), slots[q], allocated[q]))];
    }
}
