namespace PtHub.Grains.Contracts;

/// <summary>A patient: demographics, insurance and authorizations, and the running counts billing rules need.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.PatientRecord")]
public sealed record PatientRecord(
    [property: Id(0)] string PatientId,
    [property: Id(1)] PatientDetails Details,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] Coverage? Coverage = null,
    [property: Id(4)] ValueList<Authorization>? Authorizations = null,
    [property: Id(5)] ValueList<AllowedAmount>? MedicareAllowed = null,
    [property: Id(6)] ValueList<DateOnly>? TreatmentDaysSinceProgressReport = null,
    [property: Id(7)] DateOnly? PlanOfCareStart = null,
    [property: Id(8)] ValueList<string>? CancelledVisits = null,
    [property: Id(9)] ValueList<string>? NoShowVisits = null,
    [property: Id(10)] string? MergedInto = null)
{
    public int Cancellations => CancelledVisits?.Count ?? 0;

    public int NoShows => NoShowVisits?.Count ?? 0;

    public decimal MedicareAllowedIn(int year) => MedicareAllowed?.FirstOrDefault(a => a.Year == year)?.Amount ?? 0m;

    public Authorization? AuthorizationFor(DateOnly date) =>
        Authorizations?.Where(a => a.Covers(date)).OrderBy(a => a.Exhausted).ThenBy(a => a.To).FirstOrDefault();
}
