namespace PtHub.Grains.Scheduling;

/// <summary>A visit someone wants to put in the schedule: who with, when, where, and which visit it replaces (a reschedule).</summary>
public sealed record ProposedVisit(
    string TherapistId,
    DateTimeOffset Start,
    int DurationMinutes,
    string? RoomId = null,
    string? PatientId = null,
    string? ReplacesVisitId = null)
{
    public DateTimeOffset End => Start.AddMinutes(DurationMinutes);
}
