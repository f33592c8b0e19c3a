namespace PtHub.Grains.Contracts;

/// <summary>
/// One visit on the schedule: when, with whom, where, and how it stands. Unlike a board row it carries no alerts,
/// waits or billing, so it changes only when the visit is booked, moved, or changes status.
/// </summary>
/// <param name="RoomId">The space the visit is in, or else the one planned for it.</param>
/// <param name="Actions">The desk's steps the visit accepts now (API action codes, "reschedule" among them), decided by the visit state machine.</param>
/// <param name="CancelIsLate">A cancellation now would be recorded as late (inside the clinic's late-cancel hours).</param>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleEntry")]
public sealed record ScheduleEntry(
    [property: Id(0)] string VisitId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string PatientName,
    [property: Id(3)] string TherapistId,
    [property: Id(4)] string? RoomId,
    [property: Id(5)] string VisitTypeCode,
    [property: Id(6)] string VisitTypeName,
    [property: Id(7)] DateTimeOffset ScheduledStart,
    [property: Id(8)] int DurationMinutes,
    [property: Id(9)] VisitStatus Status,
    [property: Id(10)] bool WalkIn,
    [property: Id(11)] ValueList<string> Actions,
    [property: Id(12)] bool CancelIsLate,
    [property: Id(13)] DateTimeOffset? ConfirmedAt = null);
