namespace PtHub.Grains.Contracts;

/// <summary>The front desk's board of one clinic-day at <see cref="Version"/>, rows in order of scheduled start.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.BoardView")]
public sealed record BoardView(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset GeneratedAt,
    [property: Id(4)] ValueList<BoardRow> Rows,
    [property: Id(5)] ValueList<BoardOpening>? Openings = null);
