namespace PtHub.Grains.Contracts;

/// <summary>The equipment after a change, or why the change was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.EquipmentChange")]
public sealed record EquipmentChange(
    [property: Id(0)] EquipmentItem? Item,
    [property: Id(1)] Refusal? Refusal = null);
