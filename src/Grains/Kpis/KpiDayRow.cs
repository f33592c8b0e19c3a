namespace PtHub.Grains.Kpis;

/// <summary>
/// One day of one therapist's visits in a clinic, summed (a row of <c>pthub_kpi_days</c>). Every column is a count or
/// a sum, so rows of any set of days and therapists add up; rates are taken only after adding.
/// </summary>
public sealed record KpiDayRow(string ClinicId, DateOnly Day, string TherapistId)
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
    public long WaitSeconds { get; init; }
    public int SeenWithin15 { get; init; }
    public int OnTimeEligible { get; init; }
    public int OnTimeStarts { get; init; }
    public int Quotes { get; init; }
    public long QuoteErrorSeconds { get; init; }
    public int Units { get; init; }
    public int BilledVisits { get; init; }
    public long AllowedCents { get; init; }
    public int CopaysCollected { get; init; }
    public long CopayCents { get; init; }
    public long TreatingSeconds { get; init; }
    public long OccupiedSeconds { get; init; }

    /// <summary>Attended visits with a copay due (recorded at arrival, above 0), the sum due, and of them those with a copay collected and the amount collected (each visit's at most its due).</summary>
    public int CopaysDue { get; init; }
    public long CopayDueCents { get; init; }
    public int CopaysDueCollected { get; init; }
    public long CopayDueCollectedCents { get; init; }
}
