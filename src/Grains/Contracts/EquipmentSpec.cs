namespace PtHub.Grains.Contracts;

/// <summary>What a manager sets of a piece of equipment; where it is is a free-text location or a treatment space id.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.EquipmentSpec")]
public sealed record EquipmentSpec(
    [property: Id(0)] string Type,
    [property: Id(1)] string Serial,
    [property: Id(2)] string? Location,
    [property: Id(3)] string? RoomId,
    [property: Id(4)] int IntervalMonths,
    [property: Id(5)] DateOnly? LastService);
