namespace PtHub.Grains.Contracts;

/// <param name="TreatingMinutes">Minutes so far today with at least one patient in treatment.</param>
/// <param name="ScheduledMinutes">Minutes of today's visits booked with the therapist (cancellations excluded).</param>
/// <param name="UtilizationPercent">Treating minutes over working minutes so far (opening hours until working hours exist).</param>
[GenerateSerializer, Immutable, Alias("PtHub.TherapistLoad")]
public sealed record TherapistLoad(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] int Capacity,
    [property: Id(3)] int Treating,
    [property: Id(4)] int Waiting,
    [property: Id(5)] int TreatingMinutes,
    [property: Id(6)] int ScheduledMinutes,
    [property: Id(7)] int UtilizationPercent);
