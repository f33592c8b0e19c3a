namespace PtHub.Tests.Kpis;

/// <summary>A plan of care the test booked (its own record): the therapist it names, its days and its visits a week.</summary>
public sealed class PlayedPlan
{
    public required string PlanId { get; init; }
    public required string ClinicId { get; init; }
    public required string PatientId { get; init; }
    public required string TherapistId { get; init; }
    public required DateOnly Start { get; init; }
    public required int Weeks { get; init; }
    public required int VisitsPerWeek { get; init; }

    /// <summary>The last day of the plan's last week.</summary>
    public DateOnly End => Start.AddDays(7 * Weeks - 1);
}
