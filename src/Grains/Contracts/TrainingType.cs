namespace PtHub.Grains.Contracts;

/// <summary>A kind of training a clinic keeps; a completion is next due <see cref="IntervalMonths"/> calendar months later.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.TrainingType")]
public sealed record TrainingType(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] int IntervalMonths);
