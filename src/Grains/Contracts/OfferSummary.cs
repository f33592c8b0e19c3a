namespace PtHub.Grains.Contracts;

/// <summary>What the board's opening row shows of its offers: how many were offered, and who took it (the desk's board only).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OfferSummary")]
public sealed record OfferSummary(
    [property: Id(0)] string OpeningId,
    [property: Id(1)] OfferState State,
    [property: Id(2)] int Offered,
    [property: Id(3)] int Waves,
    [property: Id(4)] DateTimeOffset? NextWaveAt,
    [property: Id(5)] DateTimeOffset StopAt,
    [property: Id(6)] string? AcceptedPatientId,
    [property: Id(7)] string? AcceptedBy,
    [property: Id(8)] string? AcceptedVisitId);
