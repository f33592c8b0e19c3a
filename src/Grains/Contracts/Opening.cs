namespace PtHub.Grains.Contracts;

/// <summary>A booked slot that freed (a cancellation, a no-show, a visit moved away) and is still free.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.Opening")]
public sealed record Opening(
    [property: Id(0)] string OpeningId,
    [property: Id(1)] string TherapistId,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] int Minutes);
