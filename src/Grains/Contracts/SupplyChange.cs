namespace PtHub.Grains.Contracts;

/// <summary>The item after a change, or why the change was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.SupplyChange")]
public sealed record SupplyChange(
    [property: Id(0)] SupplyItem? Item,
    [property: Id(1)] Refusal? Refusal = null);
