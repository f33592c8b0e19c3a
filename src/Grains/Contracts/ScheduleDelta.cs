namespace PtHub.Grains.Contracts;

/// <summary>
/// A change to a clinic-day's schedule: entries new or changed, ids of entries that left the day (moved to another
/// date), and, when present, a new frame or new openings replacing the old. Apply only when <see cref="Version"/>
/// is one above the schedule you hold; otherwise take a fresh snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleDelta")]
public sealed record ScheduleDelta(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Version,
    [property: Id(3)] ValueList<ScheduleEntry> Upserts,
    [property: Id(4)] ValueList<string> Removed,
    [property: Id(5)] ScheduleFrame? Frame = null,
    [property: Id(6)] ValueList<BoardOpening>? Openings = null);
