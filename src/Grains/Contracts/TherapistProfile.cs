using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <param name="MaxConcurrentPatients">How many patients the therapist may treat at once (clinic policy, 1-3 is common).</param>
/// <param name="WorkingHours">Working spans per weekday (gaps are breaks); none means the clinic's opening hours.</param>
/// <param name="TimeOff">Whole days off.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("PtHub.TherapistProfile")]
public sealed record TherapistProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] int MaxConcurrentPatients = 1,
    [property: Id(3)] IReadOnlyList<WorkingHours>? WorkingHours = null,
    [property: Id(4)] IReadOnlyList<DateOnly>? TimeOff = null);
