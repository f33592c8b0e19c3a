using PtHub.Grains.Contracts;

namespace PtHub.Grains.Resources;

[GenerateSerializer, Alias("PtHub.RoomState")]
public sealed class RoomState
{
    /// <summary>Null when the room is not (or no longer) in the clinic's configuration.</summary>
    [Id(0)] public TreatmentSpace? Space { get; set; }

    [Id(1)] public Occupancy Occupancy { get; set; } = new();
}
