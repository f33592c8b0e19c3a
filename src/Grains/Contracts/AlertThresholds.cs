using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>Long-wait alert thresholds in minutes; defaults follow DOMAIN.md.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("PtHub.AlertThresholds")]
public sealed record AlertThresholds(
    [property: Id(0)] int WaitingMinutes = 10,
    [property: Id(1)] int RoomedWithoutTherapistMinutes = 15,
    [property: Id(2)] int OverrunMinutes = 15);
