using PtHub.Grains.Contracts;

namespace PtHub.Grains.Waitlist;

[GenerateSerializer, Alias("PtHub.WaitlistOfferState")]
public sealed class WaitlistOfferState
{
    /// <summary>Counts the times the opening was offered; part of every message key, so a restart after a stop sends anew.</summary>
    [Id(0)] public int Run { get; set; }

    [Id(1)] public Opening? Opening { get; set; }

    [Id(2)] public DateOnly Date { get; set; }

    [Id(3)] public OfferState State { get; set; }

    [Id(4)] public DateTimeOffset StartedAt { get; set; }

    [Id(5)] public string StartedBy { get; set; } = "";

    /// <summary>The clinic's settings when the offers started; a later change applies to the next run.</summary>
    [Id(6)] public OfferSettings Settings { get; set; } = OfferSettings.Default;

    [Id(7)] public DateTimeOffset NextWaveAt { get; set; }

    [Id(8)] public int Waves { get; set; }

    [Id(9)] public List<OfferRecipient> Recipients { get; set; } = [];

    [Id(10)] public string? AcceptedEntryId { get; set; }

    [Id(11)] public string? AcceptedVisitId { get; set; }

    [Id(12)] public string? AcceptedBy { get; set; }

    [Id(13)] public string? StoppedBy { get; set; }
}
