namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.StatusCount")]
public sealed record StatusCount([property: Id(0)] VisitStatus Status, [property: Id(1)] int Count);
