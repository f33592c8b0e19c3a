using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>What a clinic-day persists: the index of its visits and its activation epoch. The board is rebuilt from them.</summary>
[GenerateSerializer, Alias("PtHub.ClinicDayState")]
public sealed class ClinicDayState
{
    [Id(0)] public List<string> VisitIds { get; set; } = [];

    /// <summary>Counts activations; the high half of every view version, so versions keep rising across restarts.</summary>
    [Id(1)] public int Epoch { get; set; }

    /// <summary>Lobby ticket numbers, handed out in order of arrival.</summary>
    [Id(2)] public Dictionary<string, int> Tickets { get; set; } = [];

    /// <summary>Minutes each therapist is running late today.</summary>
    [Id(3)] public Dictionary<string, int> RunningLate { get; set; } = [];

    /// <summary>Booked slots that freed, offered to the waitlist while they stay free.</summary>
    [Id(4)] public List<Opening> Openings { get; set; } = [];
}
