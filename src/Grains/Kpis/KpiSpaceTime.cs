using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Grains.Kpis;

/// <summary>
/// A clinic-day's available capacity-seconds in its treatment spaces, the base of space utilization: as the live view's
/// available minutes, each space's capacity × the clinic's open time that day, inside the clinic day and up to now,
/// from the configuration as it stands when asked.
/// </summary>
public sealed record KpiSpaceTime(string ClinicId, DateOnly Day, long CapacitySeconds)
{
    public static IReadOnlyList<KpiSpaceTime> Of(string clinicId, ClinicConfig config, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        var capacity = config.Rooms.Sum(r => (long)r.Capacity);
        var result = new List<KpiSpaceTime>();
        for (var day = from; day <= to && capacity > 0; day = day.AddDays(1))
        {
            var dayStart = config.Instant(day, TimeOnly.MinValue);
            var dayEnd = config.Instant(day.AddDays(1), TimeOnly.MinValue);
            var until = dayEnd < now ? dayEnd : now;
            if (until <= dayStart)
            {
                break;
            }

            var open = KpiWorkingTime.UnionSeconds(ScheduleRules.OpenSpans(config, day)
                .Select(s => (From: s.From > dayStart ? s.From : dayStart, Until: s.Until < until ? s.Until : until))
                .Where(s => s.From < s.Until));
            if (open > 0)
            {
                result.Add(new KpiSpaceTime(clinicId, day, capacity * open));
            }
        }

        return result;
    }
}
