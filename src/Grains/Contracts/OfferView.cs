namespace PtHub.Grains.Contracts;

/// <summary>An opening's offers as the desk sees them: the waves, who was offered, their answers, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OfferView")]
public sealed record OfferView(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] Opening Opening,
    [property: Id(2)] OfferState State,
    [property: Id(3)] int Run,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] string StartedBy,
    [property: Id(6)] int WaveSize,
    [property: Id(7)] TimeSpan WaveWait,
    [property: Id(8)] DateTimeOffset StopAt,
    [property: Id(9)] DateTimeOffset? NextWaveAt,
    [property: Id(10)] IReadOnlyList<OfferRecipient> Recipients,
    [property: Id(11)] string? AcceptedVisitId,
    [property: Id(12)] string? StoppedBy)
{
    public int Waves => Recipients.Count == 0 ? 0 : Recipients.Max(r => r.Wave);
}
