namespace PtHub.Grains.Contracts;

/// <summary>A waiting patient proposed for an opening, as the front desk sees it.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.WaitlistCandidate")]
public sealed record WaitlistCandidate(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string PatientName,
    [property: Id(3)] int Priority,
    [property: Id(4)] DateTimeOffset WaitingSince);
