using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>One of a therapist's visits as their own screen shows it: who, when, where, and nothing of billing.</summary>
public sealed record TherapistVisit(
    string VisitId, DateTimeOffset ScheduledStart, int DurationMinutes, string VisitType, string PatientName, VisitStatus Status,
    DateTimeOffset StatusSince, string? RoomId, string? RoomName, DateTimeOffset? ArrivedAt, bool WalkIn)
{
    public static TherapistVisit Of(BoardRow row) => new(row.VisitId, row.ScheduledStart, row.DurationMinutes, row.VisitType, row.PatientName,
        row.Status, row.StatusSince, row.RoomId, row.RoomName, row.ArrivedAt, row.WalkIn);
}
