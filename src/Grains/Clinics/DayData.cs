using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>What a clinic-day knows, read by the projections: its visits, their patients, tickets and the configuration.</summary>
public sealed record DayData(
    string ClinicId,
    DateOnly Date,
    ClinicConfig Config,
    IReadOnlyDictionary<string, VisitSnapshot> Visits,
    IReadOnlyDictionary<string, PatientRecord?> Patients,
    IReadOnlyDictionary<string, int> Tickets,
    BillingOptions Billing,
    IReadOnlyDictionary<string, int> RunningLate,
    ValueList<BoardOpening>? Openings = null)
{
    public int LateMinutes(string therapistId) => RunningLate.GetValueOrDefault(therapistId);
}
