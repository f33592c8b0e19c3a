namespace PtHub.Grains.Kpis;

/// <summary>Clinic-days from <see cref="From"/> to <see cref="To"/> (both inclusive) of these clinics, of one therapist or all.</summary>
public sealed record KpiQuery(IReadOnlyList<string> ClinicIds, DateOnly From, DateOnly To, string? TherapistId = null);
