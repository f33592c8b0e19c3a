namespace PtHub.Grains.Billing;

/// <param name="TotalUnits">Timed plus untimed units.</param>
/// <param name="TimedUnits">Units of timed codes only.</param>
/// <param name="UnitsByCode">Every code sent, by its catalogue spelling, with its units (0 when it earns none).</param>
[GenerateSerializer, Immutable, Alias("PtHub.UnitsResult")]
public sealed record UnitsResult(
    [property: Id(0)] int TotalUnits,
    [property: Id(1)] int TimedUnits,
    [property: Id(2)] IReadOnlyDictionary<string, int> UnitsByCode);
