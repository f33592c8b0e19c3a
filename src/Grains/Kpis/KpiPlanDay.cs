namespace PtHub.Grains.Kpis;

/// <summary>
/// One day of one plan of care's visits in a clinic (a row of <c>pthub_kpi_plan_days</c>), with the plan's terms as its
/// visits recorded them: <see cref="TherapistId"/> is the therapist the plan names (one therapist's plan figures are their
/// plans'), <see cref="Booked"/> the plan's visits of the day not cancelled, <see cref="Attended"/> those checked out.
/// </summary>
public sealed record KpiPlanDay(string ClinicId, DateOnly Day, string PlanId, string TherapistId, DateOnly PlanStart, DateOnly PlanEnd, int VisitsPerWeek)
{
    public int Booked { get; init; }
    public int Attended { get; init; }
}
