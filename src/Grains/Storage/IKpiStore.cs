using PtHub.Grains.Kpis;

namespace PtHub.Grains.Storage;

/// <summary>
/// The KPI roll-up tables (<c>pthub_kpi_days</c>, <c>pthub_kpi_waits</c>, <c>pthub_kpi_day_copays</c>, <c>pthub_kpi_plan_days</c>) and the visit facts they are derived from
/// (<c>pthub_kpi_visits</c>), kept by <see cref="IVisitEventLog.AppendAsync"/>. Reads never activate a grain.
/// </summary>
public interface IKpiStore
{
    Task<IReadOnlyList<KpiDayRow>> ReadDaysAsync(KpiQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KpiWaitCount>> ReadWaitsAsync(KpiQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The query's day rows and waits summed in the database per period of <paramref name="by"/> (<see cref="KpiPeriods.Of"/>),
    /// per therapist and per clinic: what a report needs, without a row per therapist-day.
    /// </summary>
    Task<KpiSums> ReadSumsAsync(KpiQuery query, KpiGrouping by, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every day row (any day) of the plans of care of the query's clinics whose days overlap its range, of the plans naming
    /// the query's therapist when it names one (<c>pthub_kpi_plan_days</c>).
    /// </summary>
    Task<IReadOnlyList<KpiPlanDay>> ReadPlansAsync(KpiQuery query, CancellationToken cancellationToken = default);

    /// <summary>The working time frozen for the query's days (of its therapist when it names one).</summary>
    Task<KpiFrozenWorking> ReadWorkingAsync(KpiQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Freezes the working time of the clinic's days from its first day with visit facts up to <paramref name="until"/>
    /// that are not frozen yet, as <paramref name="workingOf"/> works it out for a range of days (from the configuration
    /// about to be replaced); the number of days frozen.
    /// </summary>
    Task<int> FreezeWorkingAsync(string clinicId, DateOnly until, Func<DateOnly, DateOnly, IReadOnlyList<KpiWorkingTime>> workingOf, CancellationToken cancellationToken = default);

    /// <summary>The visits behind the figures of the query's days (entered-in-error included; the caller filters).</summary>
    Task<IReadOnlyList<VisitKpiFact>> ReadVisitsAsync(KpiQuery query, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every clinic-day's roll-up from the visit facts; the number of clinic-days.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken = default);
}
