namespace PtHub.Grains.Contracts;

/// <summary>
/// The plan of care a visit belongs to, as the KPI roll-up needs it: the plan's id, the therapist it names, its first
/// and last day (<see cref="PlanOfCare.EndDate"/>) and the visits a week it prescribes. Recorded on the visit at booking.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitPlan")]
public sealed record VisitPlan(
    [property: Id(0)] string PlanId,
    [property: Id(1)] string TherapistId,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] DateOnly EndDate,
    [property: Id(4)] int VisitsPerWeek)
{
    public bool Covers(DateOnly day) => day >= StartDate && day <= EndDate;
}
