namespace PtHub.Grains.Contracts;

/// <param name="State">free, occupied, full or out-of-service.</param>
/// <param name="UtilizationPercent">Occupied place-minutes over available place-minutes (capacity × open minutes so far today); docs/figures.md.</param>
/// <param name="OccupiedMinutes">Place-minutes used so far today: each patient's minutes in the space within the day's span.</param>
/// <param name="AvailableMinutes">Capacity × the day's open minutes so far.</param>
[GenerateSerializer, Immutable, Alias("PtHub.SpaceLoad")]
public sealed record SpaceLoad(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TreatmentSpaceKind Kind,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Occupied,
    [property: Id(5)] string State,
    [property: Id(6)] int UtilizationPercent,
    [property: Id(7)] int OccupiedMinutes = 0,
    [property: Id(8)] int AvailableMinutes = 0);
