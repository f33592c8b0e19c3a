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
}
