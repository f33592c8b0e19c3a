namespace PtHub.Grains.Contracts;

/// <summary>The desk starts offering an opening of <paramref name="Date"/> (a clinic day) to the waitlist.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OfferStart")]
public sealed record OfferStart(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] Opening Opening,
    [property: Id(3)] string Actor);
