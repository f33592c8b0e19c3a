using PtHub.Grains.Contracts;

namespace PtHub.Grains.Resources;

[GenerateSerializer, Alias("PtHub.TherapistState")]
public sealed class TherapistState
{
    /// <summary>Null when the therapist is not (or no longer) on the clinic's staff.</summary>
    [Id(0)] public TherapistProfile? Profile { get; set; }

    [Id(1)] public Occupancy Patients { get; set; } = new();
}
