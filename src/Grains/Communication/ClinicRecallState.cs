using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.ClinicRecallState")]
public sealed class ClinicRecallState
{
    /// <summary>Each patient's latest recall, by patient id.</summary>
    [Id(0)] public Dictionary<string, RecallSent> Latest { get; set; } = new(StringComparer.Ordinal);
}
