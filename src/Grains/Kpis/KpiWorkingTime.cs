using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Grains.Kpis;

/// <summary>
/// A therapist's scheduled working seconds of one clinic-day, the base of therapist productivity. Working hours are
/// configuration, not events, so they are taken from the clinic's configuration as it stands when asked, but for the past
/// days frozen before a change of configuration (<see cref="KpiFrozenWorking"/>; docs/figures.md, "Working minutes"): the live view's working minutes (<see cref="ScheduleRules.WorkingSpans"/>: their hours, the
/// clinic's opening hours when they have none, breaks, days off and closed dates excluded), kept inside the clinic day
/// and up to now, so today counts only the time worked so far and days ahead count nothing.
/// </summary>
public sealed record KpiWorkingTime(string ClinicId, DateOnly Day, string TherapistId, long Seconds)
{
    public static IReadOnlyList<KpiWorkingTime> Of(string clinicId, ClinicConfig config, DateOnly from, DateOnly to, DateTimeOffset now, string? therapistId = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var result = new List<KpiWorkingTime>();
        var therapists = config.Therapists.Where(t => therapistId is null || t.Id == therapistId).ToList();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dayStart = config.Instant(day, TimeOnly.MinValue);
            var dayEnd = config.Instant(day.AddDays(1), TimeOnly.MinValue);
            var until = dayEnd < now ? dayEnd : now;
            if (until <= dayStart)
            {
                break;
            }

            foreach (var therapist in therapists)
            {
                var seconds = UnionSeconds(ScheduleRules.WorkingSpans(config, therapist, day)
                    .Select(s => (From: s.From > dayStart ? s.From : dayStart, Until: s.Until < until ? s.Until : until))
                    .Where(s => s.From < s.Until));
                if (seconds > 0)
                {
                    result.Add(new KpiWorkingTime(clinicId, day, therapist.Id, seconds));
                }
            }
        }

        return result;
    }

    /// <summary>Seconds covered by at least one span (a therapist's overlapping hours count once).</summary>
    internal static long UnionSeconds(IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> spans)
    {
        long total = 0;
        DateTimeOffset? openFrom = null, openUntil = null;
        foreach (var (start, end) in spans.OrderBy(s => s.From))
        {
            if (openUntil is { } current && start <= current)
            {
                openUntil = end > current ? end : current;
                continue;
            }

            total += openFrom is { } f && openUntil is { } u ? (long)(u - f).TotalSeconds : 0;
            (openFrom, openUntil) = (start, end);
        }

        return total + (openFrom is { } lf && openUntil is { } lu ? (long)(lu - lf).TotalSeconds : 0);
    }
}
