namespace PtHub.Grains.Contracts;

/// <summary>
/// The schedule of one clinic-day, the front desk's calendar: its frame, every visit of the day (cancelled ones
/// included, for the record) and the openings freed by cancellations with their waitlist candidates.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleView")]
public sealed record ScheduleView(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Version,
    [property: Id(3)] ScheduleFrame Frame,
    [property: Id(4)] ValueList<ScheduleEntry> Entries,
    [property: Id(5)] ValueList<BoardOpening> Openings);
