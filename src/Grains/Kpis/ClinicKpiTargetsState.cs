using PtHub.Grains.Contracts;

namespace PtHub.Grains.Kpis;

[GenerateSerializer, Alias("PtHub.ClinicKpiTargetsState")]
public sealed class ClinicKpiTargetsState
{
    [Id(0)] public List<KpiTarget> Targets { get; set; } = [];
}
