namespace PtHub.Grains.Contracts;

/// <summary>A person after a change, or why the change was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffChange")]
public sealed record StaffChange(
    [property: Id(0)] StaffMember? Member,
    [property: Id(1)] Refusal? Refusal = null);
