using PtHub.Grains.Contracts;

namespace PtHub.Grains.Equipment;

[GenerateSerializer, Alias("PtHub.EquipmentState")]
public sealed class EquipmentState
{
    [Id(0)] public List<EquipmentItem> Items { get; set; } = [];

    /// <summary>
    /// Treatment spaces whose out-of-service flag an equipment change decided and the clinic's configuration may not show
    /// yet: written with the change itself, cleared once the configuration agrees (on the change, or on the next activation
    /// if the node stopped in between).
    /// </summary>
    [Id(1)] public List<string> SpacesToReconcile { get; set; } = [];
}
