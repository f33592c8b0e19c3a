namespace PtHub.Grains.Kpis;

/// <summary>One clinic-day's roll-up: a row per therapist, the histogram of its waits, and a row per plan of care with visits that day.</summary>
public sealed record KpiDay(IReadOnlyList<KpiDayRow> Rows, IReadOnlyList<KpiWaitCount> Waits, IReadOnlyList<KpiPlanDay> Plans);
