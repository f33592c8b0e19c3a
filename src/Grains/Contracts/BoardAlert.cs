namespace PtHub.Grains.Contracts;

/// <summary>Something the front desk should act on; <see cref="Code"/> is stable, <see cref="Message"/> is for people.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.BoardAlert")]
public sealed record BoardAlert([property: Id(0)] string Code, [property: Id(1)] string Message);
