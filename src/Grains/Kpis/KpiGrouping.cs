namespace PtHub.Grains.Kpis;

/// <summary>How a range is cut into periods: clinic days, weeks from Monday, calendar months.</summary>
public enum KpiGrouping
{
    Day,
    Week,
    Month,
}
