namespace PtHub.Grains.Contracts;

/// <param name="MaxConcurrentPatients">How many patients the therapist may treat at once (clinic policy, 1-3 is common).</param>
[GenerateSerializer, Immutable, Alias("PtHub.TherapistProfile")]
public sealed record TherapistProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] int MaxConcurrentPatients = 1);
