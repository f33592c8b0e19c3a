using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

[GenerateSerializer, Alias("PtHub.ClinicState")]
public sealed class ClinicState
{
    [Id(0)] public ClinicConfig? Config { get; set; }

    /// <summary>Patients with a plan of care: the under-scheduled list looks through them.</summary>
    [Id(1)] public List<string> PlanPatients { get; set; } = [];
}
