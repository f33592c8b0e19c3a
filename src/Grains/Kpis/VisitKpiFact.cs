using PtHub.Grains.Contracts;

namespace PtHub.Grains.Kpis;

/// <summary>
/// What the KPI roll-ups need of one visit, as it stands after its latest event (<see cref="ThroughSequence"/>). The
/// visit grain hands it to the event log with the events, which stores it in the same transaction (table
/// <c>pthub_kpi_visits</c>) and recomputes the visit's day: the event rows alone lack the schedule, type and billing.
/// Times are UTC; <see cref="Day"/> is the visit's clinic-local date. <see cref="StaySeconds"/>: the visit's closed stays in
/// treatment spaces, each in whole seconds, summed (an open stay counts once it ends). <see cref="Plan"/>: the plan of care
/// the visit belongs to; <see cref="CopayDueCents"/>: the copay due recorded at arrival (null: not known).
/// </summary>
public sealed record VisitKpiFact(
    string ClinicId,
    string VisitId,
    DateOnly Day,
    string PatientId,
    string TherapistId,
    string VisitTypeCode,
    string Status,
    bool WalkIn,
    bool LateCancellation,
    DateTimeOffset ScheduledStart,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? QuotedWaitMinutes,
    int Units,
    long AllowedCents,
    long? CopayCents,
    int ThroughSequence,
    long StaySeconds = 0,
    VisitPlan? Plan = null,
    long? CopayDueCents = null);
