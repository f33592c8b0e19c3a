namespace PtHub.Grains.Kpis;

/// <summary>Cuts a range of days into periods; the first and last are clipped to the range.</summary>
public static class KpiPeriods
{
    public static DateOnly StartOf(DateOnly day, KpiGrouping by) => by switch
    {
        KpiGrouping.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        KpiGrouping.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    public static IEnumerable<(DateOnly Start, DateOnly End)> Of(DateOnly from, DateOnly to, KpiGrouping by)
    {
        for (var start = StartOf(from, by); start <= to; start = Next(start, by))
        {
            var end = Next(start, by).AddDays(-1);
            yield return (start < from ? from : start, end > to ? to : end);
        }
    }

    private static DateOnly Next(DateOnly start, KpiGrouping by) => by switch
    {
        KpiGrouping.Week => start.AddDays(7),
        KpiGrouping.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}
