namespace PtHub.Grains.Kpis;

/// <summary>One clinic-day's roll-up: a row per therapist and the histogram of its waits.</summary>
public sealed record KpiDay(IReadOnlyList<KpiDayRow> Rows, IReadOnlyList<KpiWaitCount> Waits);
