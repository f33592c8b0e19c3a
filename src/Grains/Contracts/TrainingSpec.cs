namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.TrainingSpec")]
public sealed record TrainingSpec(
    [property: Id(0)] string TypeCode,
    [property: Id(1)] DateOnly? CompletedOn,
    [property: Id(2)] DateOnly DueOn);
