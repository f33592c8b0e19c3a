using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>One of a patient's visits as the profile lists it.</summary>
public sealed record PatientVisit(
    string VisitId,
    DateOnly Date,
    DateTimeOffset ScheduledStart,
    int DurationMinutes,
    VisitStatus Status,
    string VisitType,
    string TherapistName,
    bool LateCancellation,
    string? CancelReason)
{
    public static PatientVisit Of(VisitSnapshot visit, ClinicConfig config) => new(visit.VisitId, visit.Date, visit.ScheduledStart,
        visit.DurationMinutes, visit.Status, config.FindVisitType(visit.VisitTypeCode)?.Name ?? visit.VisitTypeCode,
        config.FindTherapist(visit.TherapistId)?.DisplayName ?? visit.TherapistId, visit.LateCancellation, visit.CancelReason);
}
