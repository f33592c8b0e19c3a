using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>
/// One working span of a therapist on a weekday, in the clinic's time zone. Several spans on one day leave
/// breaks between them. <see cref="End"/> 00:00 means midnight at the end of the day.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("PtHub.WorkingHours")]
public sealed record WorkingHours(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly Start,
    [property: Id(2)] TimeOnly End);
