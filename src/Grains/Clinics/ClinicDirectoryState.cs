using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

[GenerateSerializer, Alias("PtHub.ClinicDirectoryState")]
public sealed class ClinicDirectoryState
{
    [Id(0)] public List<ClinicListing> Clinics { get; set; } = [];
}
