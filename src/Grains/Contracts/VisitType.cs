using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("PtHub.VisitType")]
public sealed record VisitType(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] int DefaultMinutes);
