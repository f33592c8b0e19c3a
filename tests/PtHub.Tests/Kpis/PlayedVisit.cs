namespace PtHub.Tests.Kpis;

/// <summary>What the test did to one visit (its own record, apart from PtHub's), completed from the visit API at the end.</summary>
public sealed class PlayedVisit
{
    public string VisitId { get; set; } = "";
    public required string ClinicId { get; init; }
    public required DateOnly Day { get; init; }
    public string PatientId { get; set; } = "";

    /// <summary>The plan of care the visit belongs to by the test's own reckoning (named at booking, else the patient's latest plan covering the day).</summary>
    public PlayedPlan? Plan { get; set; }

    /// <summary>The copay the patient's coverage asked when they arrived (null: no coverage, or never arrived).</summary>
    public decimal? CopayDue { get; set; }
    public required string TherapistId { get; init; }
    public required string VisitType { get; init; }
    public required DateTimeOffset ScheduledStart { get; init; }
    public string Status { get; set; } = "booked";
    public bool WalkIn { get; init; }
    public bool LateCancellation { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public decimal? Copay { get; set; }
    public int? QuotedWait { get; set; }
    public int Units { get; set; }
    public decimal Allowed { get; set; }
}
