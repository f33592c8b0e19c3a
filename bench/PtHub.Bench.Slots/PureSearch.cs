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

    /// <summary>Warm-up runs, then <paramref name="reps"/> timed ones.</summary>
    public (Summary Ms, int Slots) Measure(IReadOnlyList<string> therapists, int dayCount, int reps, int warmup = 5)
    {
        for (var i = 0; i < warmup; i++)
        {
            Run(therapists, dayCount);
        }

        var times = new List<double>(reps);
        var slots = 0;
        for (var i = 0; i < reps; i++)
        {
            (var ms, slots) = Time(therapists, dayCount);
            times.Add(ms);
        }

        return (Summary.Of(times), slots);
    }
}
