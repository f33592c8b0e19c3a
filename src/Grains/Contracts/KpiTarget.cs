namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's target for one KPI (<see cref="Figure"/>, its JSON name, e.g. "cancelNoShowRate"): on target at
/// <see cref="On"/> or better, near it up to <see cref="Near"/>. Whether better is lower or higher is the figure's own.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.KpiTarget")]
public sealed record KpiTarget(
    [property: Id(0)] string Figure,
    [property: Id(1)] double On,
    [property: Id(2)] double Near);
