namespace PtHub.Grains.Kpis;

/// <summary>
/// The KPIs of one period (<see cref="Start"/> to <see cref="End"/>, inclusive, clinic days): counts and sums, then
/// the rates and averages taken from them. A rate whose base is 0 is null ("–"). Definitions: docs/figures.md.
/// </summary>
public sealed record KpiFigures(DateOnly Start, DateOnly End)
{
    public int Scheduled { get; init; }
    public int Arrived { get; init; }
    public int Attended { get; init; }
    public int Cancelled { get; init; }
    public int LateCancelled { get; init; }
    public int NoShows { get; init; }
    public int LeftUnseen { get; init; }
    public int InitialEvaluations { get; init; }
    public int WalkIns { get; init; }
    public int WaitsMeasured { get; init; }
    public int Units { get; init; }
    public decimal Charges { get; init; }
    public int CopaysCollected { get; init; }
    public decimal CopayAmount { get; init; }
    public int TreatingMinutes { get; init; }
    public int WorkingMinutes { get; init; }
    public double? Productivity { get; init; }
    public int OccupiedMinutes { get; init; }
    public int SpaceMinutes { get; init; }
    public double? SpaceUtilization { get; init; }
    public double? ArrivalRate { get; init; }
    public double? CancellationRate { get; init; }
    public double? LateCancellationRate { get; init; }
    public double? NoShowRate { get; init; }
    public double? CancelNoShowRate { get; init; }
    public double? WalkInRate { get; init; }
    public double? UnitsPerVisit { get; init; }
    public decimal? ChargesPerVisit { get; init; }
    public double? WaitMean { get; init; }
    public int? WaitMedian { get; init; }
    public int? Wait90th { get; init; }
    public double? SeenWithin15Rate { get; init; }
    public double? OnTimeStartRate { get; init; }
    public double? QuoteMae { get; init; }

    // Copay collection against the copay due recorded at arrival, over attended visits (docs/figures.md).
    public int CopaysDue { get; init; }
    public decimal CopayDueAmount { get; init; }
    public int CopaysDueCollected { get; init; }
    public decimal CopayDueCollectedAmount { get; init; }
    public double? CopayCollectionRate { get; init; }
    public double? CopayVisitCollectionRate { get; init; }

    // Plans of care (docs/figures.md): discharged in the period, attended against prescribed, under-scheduled.
    public int PlansDischarged { get; init; }
    public int DischargedPlanVisits { get; init; }
    public double? VisitsPerDischarge { get; init; }
    public int PlanDays { get; init; }
    public int PlanVisitsAttended { get; init; }
    public double? PlanWeeklyFrequency { get; init; }
    public double? PrescribedWeeklyFrequency { get; init; }
    public double? WeeklyFrequencyRate { get; init; }
    public int PlansActive { get; init; }
    public int PlansUnderScheduled { get; init; }
    public int UnderScheduledVisits { get; init; }
}
