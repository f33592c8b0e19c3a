namespace PtHub.Grains.Contracts;

/// <param name="State">free, occupied, full or out-of-service.</param>
/// <param name="UtilizationPercent">Occupied capacity-minutes over available capacity-minutes in opening hours so far today.</param>
[GenerateSerializer, Immutable, Alias("PtHub.SpaceLoad")]
public sealed record SpaceLoad(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TreatmentSpaceKind Kind,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Occupied,
    [property: Id(5)] string State,
    [property: Id(6)] int UtilizationPercent);
