using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

[GenerateSerializer, Alias("PtHub.ClinicState")]
public sealed class ClinicState
{
    [Id(0)] public ClinicConfig? Config { get; set; }
}
