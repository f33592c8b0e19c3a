namespace PtHub.Grains.Kpis;

/// <summary>
/// The working time frozen for past clinic-days (<c>pthub_kpi_working_days</c>, <c>pthub_kpi_day_working</c>): on a
/// frozen day the stored <see cref="Rows"/> are its working time, whatever the configuration says now.
/// </summary>
public sealed record KpiFrozenWorking(IReadOnlySet<(string ClinicId, DateOnly Day)> Days, IReadOnlyList<KpiWorkingTime> Rows)
{
    /// <summary>The frozen rows of the frozen days, and the working time worked out from the configuration of the others.</summary>
    public IReadOnlyList<KpiWorkingTime> Over(IEnumerable<KpiWorkingTime> fromConfiguration) =>
        [.. fromConfiguration.Where(w => !Days.Contains((w.ClinicId, w.Day))).Concat(Rows)];
}
