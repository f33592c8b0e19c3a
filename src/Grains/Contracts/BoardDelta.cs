namespace PtHub.Grains.Contracts;

/// <summary>
/// A change to a clinic-day's board: the rows that are new or changed, and the ids of rows that left it.
/// Apply only when <see cref="Version"/> is one above the board you hold; otherwise fetch a fresh board.
/// <see cref="Openings"/>, when present, replaces the board's openings (freed slots with waitlist candidates).
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.BoardDelta")]
public sealed record BoardDelta(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Version,
    [property: Id(3)] ValueList<BoardRow> Upserts,
    [property: Id(4)] ValueList<string> Removed,
    [property: Id(5)] ValueList<BoardOpening>? Openings = null);
