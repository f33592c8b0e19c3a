namespace PtHub.Grains.Contracts;

/// <summary>The case after a change, or why the change was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryCaseChange")]
public sealed record InjuryCaseChange(
    [property: Id(0)] InjuryCase? Case,
    [property: Id(1)] Refusal? Refusal = null);
