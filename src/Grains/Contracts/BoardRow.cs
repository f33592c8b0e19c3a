namespace PtHub.Grains.Contracts;

/// <summary>
/// One visit on the front-desk board: staff-only detail and alerts. Time in status is shown by the client from
/// <see cref="StatusSince"/> (and a wait from <see cref="ArrivedAt"/>), so a row changes only when something about the visit does.
/// </summary>
/// <param name="Actions">The desk's steps the visit accepts now (API action codes), decided by the visit state machine.</param>
/// <param name="CancelIsLate">A cancellation now would be recorded as late (inside the clinic's late-cancel hours).</param>
/// <param name="CopayPaid">The copay taken at the desk (amount, method, by whom, when), once it is.</param>
[GenerateSerializer, Immutable, Alias("PtHub.BoardRow")]
public sealed record BoardRow(
    [property: Id(0)] string VisitId,
    [property: Id(1)] DateTimeOffset ScheduledStart,
    [property: Id(2)] int DurationMinutes,
    [property: Id(3)] string VisitType,
    [property: Id(4)] string PatientId,
    [property: Id(5)] string PatientName,
    [property: Id(6)] string TherapistId,
    [property: Id(7)] string TherapistName,
    [property: Id(8)] string? RoomId,
    [property: Id(9)] string? RoomName,
    [property: Id(10)] VisitStatus Status,
    [property: Id(11)] DateTimeOffset StatusSince,
    [property: Id(13)] DateTimeOffset? ArrivedAt,
    [property: Id(14)] bool WalkIn,
    [property: Id(15)] ValueList<BoardAlert> Alerts,
    [property: Id(16)] int? Ticket,
    [property: Id(17)] int? EstimatedWaitMinutes,
    [property: Id(18)] decimal? CopayDue = null,
    [property: Id(19)] DateTimeOffset? ExpectedStart = null,
    [property: Id(20)] ValueList<string>? Actions = null,
    [property: Id(21)] bool CancelIsLate = false,
    [property: Id(22)] CopayPayment? CopayPaid = null,
    [property: Id(23)] DateTimeOffset? ConfirmedAt = null);
