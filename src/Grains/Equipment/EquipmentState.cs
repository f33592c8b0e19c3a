using PtHub.Grains.Contracts;

namespace PtHub.Grains.Equipment;

[GenerateSerializer, Alias("PtHub.EquipmentState")]
public sealed class EquipmentState
{
    [Id(0)] public List<EquipmentItem> Items { get; set; } = [];
}
