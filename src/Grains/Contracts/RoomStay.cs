namespace PtHub.Grains.Contracts;

/// <summary>A spell of a visit in one treatment space; <see cref="Until"/> is null while the patient is still there.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.RoomStay")]
public sealed record RoomStay(
    [property: Id(0)] string RoomId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset? Until);
