namespace PtHub.Grains.Contracts;

/// <summary>A supply a clinic keeps in stock (in <see cref="Unit"/>s). Low when the stock is at or under the reorder point.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.SupplyItem")]
public sealed record SupplyItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] string? Supplier,
    [property: Id(4)] int ReorderPoint,
    [property: Id(5)] int ReorderQuantity,
    [property: Id(6)] int Stock)
{
    public bool Low => Stock <= ReorderPoint;
}
