namespace PtHub.Grains.Contracts;

/// <summary>What a manager sets of a supply item: stock moves only by receiving, using and counting.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.SupplyItemSpec")]
public sealed record SupplyItemSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Unit,
    [property: Id(2)] string? Supplier,
    [property: Id(3)] int ReorderPoint,
    [property: Id(4)] int ReorderQuantity);
