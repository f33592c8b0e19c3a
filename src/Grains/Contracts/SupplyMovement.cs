namespace PtHub.Grains.Contracts;

/// <summary>One change of a supply's stock: who, when, what, by how much (negative for use and for a count under the stock).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.SupplyMovement")]
public sealed record SupplyMovement(
    [property: Id(0)] string ItemId,
    [property: Id(1)] SupplyMovementKind Kind,
    [property: Id(2)] int Change,
    [property: Id(3)] int StockAfter,
    [property: Id(4)] string By,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string? VisitId = null);
