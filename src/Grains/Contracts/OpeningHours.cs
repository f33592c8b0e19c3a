using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>Opening hours of one weekday, in the clinic's time zone.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("PtHub.OpeningHours")]
public sealed record OpeningHours(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly Opens,
    [property: Id(2)] TimeOnly Closes);
