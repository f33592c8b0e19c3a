using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("PtHub.TreatmentSpace")]
public sealed record TreatmentSpace(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TreatmentSpaceKind Kind,
    [property: Id(3)] int Capacity,
    [property: Id(4)] bool OutOfService = false);
