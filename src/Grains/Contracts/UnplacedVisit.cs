namespace PtHub.Grains.Contracts;

/// <summary>A session of a plan that found no time in its week, and why.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.UnplacedVisit")]
public sealed record UnplacedVisit([property: Id(0)] DateOnly WeekOf, [property: Id(1)] string Reason);
