namespace PtHub.Grains.Contracts;

/// <summary>A treatment space's column on the schedule.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleSpace")]
public sealed record ScheduleSpace(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TreatmentSpaceKind Kind,
    [property: Id(3)] int Capacity,
    [property: Id(4)] bool OutOfService);
