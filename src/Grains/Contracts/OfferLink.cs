namespace PtHub.Grains.Contracts;

/// <summary>
/// What a waitlist offer's link stands for: one waiting patient's entry, offered one opening of one clinic in one run of
/// its offers, usable until <paramref name="ExpiresAt"/> (the stop-before-start lead), once.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.OfferLink")]
public sealed record OfferLink(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] string OpeningId,
    [property: Id(2)] int Run,
    [property: Id(3)] string EntryId,
    [property: Id(4)] DateTimeOffset ExpiresAt);
