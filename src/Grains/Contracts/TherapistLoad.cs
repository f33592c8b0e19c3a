namespace PtHub.Grains.Contracts;

/// <param name="TreatingMinutes">Minutes of the therapist's working time so far today with at least one patient in treatment.</param>
/// <param name="ScheduledMinutes">Minutes of today's visits booked with the therapist (cancellations and no-shows excluded).</param>
/// <param name="UtilizationPercent">Treating minutes over working minutes so far (0 before any working time); docs/figures.md.</param>
/// <param name="WorkingMinutes">The therapist's working minutes so far today: working hours (the clinic's opening hours when none), breaks and days off excluded.</param>
[GenerateSerializer, Immutable, Alias("PtHub.TherapistLoad")]
public sealed record TherapistLoad(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] int Capacity,
    [property: Id(3)] int Treating,
    [property: Id(4)] int Waiting,
    [property: Id(5)] int TreatingMinutes,
    [property: Id(6)] int ScheduledMinutes,
    [property: Id(7)] int UtilizationPercent,
    [property: Id(8)] int WorkingMinutes = 0);
