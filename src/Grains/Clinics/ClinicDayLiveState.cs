using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>What a clinic-day's live side persists: what cannot be read back from the visits. The views are rebuilt.</summary>
[GenerateSerializer, Alias("PtHub.ClinicDayLiveState")]
public sealed class ClinicDayLiveState
{
    /// <summary>Counts activations; the high half of every view version, so versions keep rising across restarts.</summary>
    [Id(0)] public int Epoch { get; set; }

    /// <summary>Lobby ticket numbers, handed out in order of arrival.</summary>
    [Id(1)] public Dictionary<string, int> Tickets { get; set; } = [];

    /// <summary>Booked slots that freed, offered to the waitlist while they stay free.</summary>
    [Id(2)] public List<Opening> Openings { get; set; } = [];

    /// <summary>Where each opening's waitlist offers stand (key: opening id), as its offer grain last told.</summary>
    [Id(3)] public Dictionary<string, OfferSummary> Offers { get; set; } = [];
}
