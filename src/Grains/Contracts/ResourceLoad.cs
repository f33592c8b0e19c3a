namespace PtHub.Grains.Contracts;

/// <summary>Who occupies a room or a therapist right now, against its capacity.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ResourceLoad")]
public sealed record ResourceLoad(
    [property: Id(0)] string Id,
    [property: Id(1)] int Capacity,
    [property: Id(2)] IReadOnlyList<string> VisitIds,
    [property: Id(3)] bool OutOfService);
