using PtHub.Grains.Contracts;

namespace PtHub.Grains.Supplies;

[GenerateSerializer, Alias("PtHub.SuppliesState")]
public sealed class SuppliesState
{
    [Id(0)] public List<SupplyItem> Items { get; set; } = [];

    /// <summary>The stock movements, oldest first: each item's last <see cref="ClinicSuppliesGrain.MovementsKeptPerItem"/>.</summary>
    [Id(1)] public List<SupplyMovement> Movements { get; set; } = [];
}
