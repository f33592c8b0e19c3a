namespace PtHub.Grains.Clinics;

/// <summary>What a clinic-day persists: only the index of its visits. The board is rebuilt from them.</summary>
[GenerateSerializer, Alias("PtHub.ClinicDayState")]
public sealed class ClinicDayState
{
    [Id(0)] public List<string> VisitIds { get; set; } = [];
}
