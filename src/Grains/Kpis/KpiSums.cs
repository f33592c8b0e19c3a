namespace PtHub.Grains.Kpis;

/// <summary>
/// A range's roll-up summed in the database (<see cref="Storage.IKpiStore.ReadSumsAsync"/>): the day rows and the wait
/// histogram added up per period (a row per period, on the period's first day within the range, no clinic and no
/// therapist), per therapist and per clinic (on the range's first day), so a report reads a row per period, therapist and
/// clinic instead of one per clinic, therapist and day. Adding these up gives exactly the sums of the day rows.
/// </summary>
public sealed record KpiSums(
    IReadOnlyList<KpiDayRow> Periods, IReadOnlyList<KpiWaitCount> PeriodWaits,
    IReadOnlyList<KpiDayRow> Therapists, IReadOnlyList<KpiWaitCount> TherapistWaits,
    IReadOnlyList<KpiDayRow> Clinics, IReadOnlyList<KpiWaitCount> ClinicWaits);
