namespace PtHub.Grains.Contracts;

/// <summary>One claim line of a visit: a procedure code, its units and modifiers (KX above the Medicare threshold).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.Charge")]
public sealed record Charge(
    [property: Id(0)] string Code,
    [property: Id(1)] int Units,
    [property: Id(2)] ValueList<string> Modifiers,
    [property: Id(3)] decimal Allowed);
