namespace PtHub.Web.Endpoints;

/// <summary>A visit behind a KPI point (the drill-down): what it counted as, in the clinic's day.</summary>
internal sealed record KpiVisit(
    string VisitId,
    string ClinicId,
    string PatientId,
    DateOnly Day,
    string TherapistId,
    string VisitType,
    string Status,
    DateTimeOffset ScheduledStart,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? StartedAt,
    int? WaitMinutes,
    bool WalkIn,
    bool LateCancellation,
    int Units);
