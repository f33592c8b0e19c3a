using PtHub.Grains.Contracts;

namespace PtHub.Grains.Resources;

[GenerateSerializer, Alias("PtHub.TherapistState")]
public sealed class TherapistState
{
    /// <summary>Null when the therapist is not (or no longer) on the clinic's staff.</summary>
    [Id(0)] public TherapistProfile? Profile { get; set; }

    [Id(1)] public Occupancy Patients { get; set; } = new();

    /// <summary>SHA-256 of the calendar feed token, so a copy of the database holds no working token; null when none.</summary>
    [Id(2)] public byte[]? FeedTokenHash { get; set; }
}
