namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.TimelinePoint")]
public sealed record TimelinePoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int InTreatment);
