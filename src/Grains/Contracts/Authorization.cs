namespace PtHub.Grains.Contracts;

/// <summary>What a payer authorized: visits and/or units over a date range, and how much of it is used.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.Authorization")]
public sealed record Authorization(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] int? VisitsAuthorized,
    [property: Id(4)] int? UnitsAuthorized,
    [property: Id(5)] int VisitsUsed,
    [property: Id(6)] int UnitsUsed)
{
    public bool Covers(DateOnly date) => From <= date && date <= To;

    public int? VisitsLeft => VisitsAuthorized - VisitsUsed;

    public int? UnitsLeft => UnitsAuthorized - UnitsUsed;

    public bool Exhausted => VisitsLeft <= 0 || UnitsLeft <= 0;
}
