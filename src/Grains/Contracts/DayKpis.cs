namespace PtHub.Grains.Contracts;

/// <summary>Today's KPIs, each defined in docs/figures.md; waits in whole minutes.</summary>
/// <param name="AverageWaitMinutes">Mean of (start of treatment − arrival) over today's visits whose treatment has started.</param>
/// <param name="WaitsMeasured">How many visits <see cref="AverageWaitMinutes"/> averages.</param>
[GenerateSerializer, Immutable, Alias("PtHub.DayKpis")]
public sealed record DayKpis(
    [property: Id(0)] int Scheduled,
    [property: Id(1)] int Arrived,
    [property: Id(2)] int Completed,
    [property: Id(3)] int Cancelled,
    [property: Id(4)] int NoShows,
    [property: Id(5)] int CancelNoShowRatePercent,
    [property: Id(6)] int? AverageWaitMinutes,
    [property: Id(7)] int WaitingNow,
    [property: Id(8)] int InTreatmentNow,
    [property: Id(9)] int? AverageCurrentWaitMinutes,
    [property: Id(10)] int? LongestCurrentWaitMinutes,
    [property: Id(11)] int WaitsMeasured = 0);
