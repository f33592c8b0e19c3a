namespace PtHub.Grains.Contracts;

/// <summary>A patient's plan of care as booked: the series' visits and the sessions that could not be placed.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.PlanOfCare")]
public sealed record PlanOfCare(
    [property: Id(0)] string PlanId,
    [property: Id(1)] PlanOfCareRequest Request,
    [property: Id(2)] ValueList<string> VisitIds,
    [property: Id(3)] ValueList<UnplacedVisit> Unplaced,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    public int PlannedVisits => Request.VisitsPerWeek * Request.Weeks;

    /// <summary>The plan's last day: the last day of its last week (it holds no discharge of its own; docs/figures.md).</summary>
    public DateOnly EndDate => Request.StartDate.AddDays(7 * Request.Weeks - 1);

    /// <summary>What a visit of this plan records of it.</summary>
    public VisitPlan Terms => new(PlanId, Request.TherapistId, Request.StartDate, EndDate, Request.VisitsPerWeek);
}
