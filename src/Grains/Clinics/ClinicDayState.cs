namespace PtHub.Grains.Clinics;

/// <summary>What a clinic-day's write side persists: the index of its visits and the therapists' running-late minutes.</summary>
[GenerateSerializer, Alias("PtHub.ClinicDayState")]
public sealed class ClinicDayState
{
    [Id(0)] public List<string> VisitIds { get; set; } = [];

    /// <summary>
    /// The activation epoch from before the live views moved to <see cref="ClinicDayLiveGrain"/>; read once by it, so
    /// its versions start above any this day handed out. No longer counted. Ids 2 (tickets) and 4 (openings) moved
    /// with the views and are not reused.
    /// </summary>
    [Id(1)] public int Epoch { get; set; }

    /// <summary>Minutes each therapist is running late today.</summary>
    [Id(3)] public Dictionary<string, int> RunningLate { get; set; } = [];
}
