namespace PtHub.Grains.Kpis;

/// <summary>How many of a day's measured waits of one therapist lasted <see cref="WaitMinutes"/> whole minutes (a row of <c>pthub_kpi_waits</c>).</summary>
public sealed record KpiWaitCount(string ClinicId, DateOnly Day, string TherapistId, int WaitMinutes, int Visits);
