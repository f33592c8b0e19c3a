using PtHub.Grains.Kpis;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The KPIs of a range: each period's figures, the whole range's (<see cref="Total"/>) against the targets, and the
/// same range's figures per therapist and per clinic (the "by therapist" and chain tables).
/// </summary>
internal sealed record KpiReport(
    IReadOnlyList<string> ClinicIds,
    DateOnly From,
    DateOnly To,
    string By,
    string? TherapistId,
    IReadOnlyList<KpiFigures> Periods,
    KpiFigures Total,
    IReadOnlyList<KpiTargetResult> Targets,
    IReadOnlyList<KpiBreakdown> Therapists,
    IReadOnlyList<KpiBreakdown> Clinics);
