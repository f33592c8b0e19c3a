using PtHub.Grains.Contracts;

namespace PtHub.Grains.Supplies;

[GenerateSerializer, Alias("PtHub.SuppliesState")]
public sealed class SuppliesState
{
    [Id(0)] public List<SupplyItem> Items { get; set; } = [];

    /// <summary>Every stock movement, oldest first.</summary>
    [Id(1)] public List<SupplyMovement> Movements { get; set; } = [];
}
