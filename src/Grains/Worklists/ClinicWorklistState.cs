using PtHub.Grains.Contracts;

namespace PtHub.Grains.Worklists;

[GenerateSerializer, Alias("PtHub.ClinicWorklistState")]
public sealed class ClinicWorklistState
{
    [Id(0)] public List<WorklistDoneMark> Done { get; set; } = [];
}
