namespace PtHub.Grains.Contracts;

/// <summary>
/// A visit as it stands. Times are derived from the events (never typed in): arrival, start and
/// end of treatment, check-out, and when the current status began.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitSnapshot")]
public sealed record VisitSnapshot(
    [property: Id(0)] string VisitId,
    [property: Id(1)] string ClinicId,
    [property: Id(2)] string PatientId,
    [property: Id(3)] DateOnly Date,
    [property: Id(4)] string VisitTypeCode,
    [property: Id(5)] DateTimeOffset ScheduledStart,
    [property: Id(6)] int DurationMinutes,
    [property: Id(7)] VisitStatus Status,
    [property: Id(8)] DateTimeOffset StatusSince,
    [property: Id(9)] string TherapistId,
    [property: Id(10)] string? RoomId,
    [property: Id(11)] DateTimeOffset? ArrivedAt,
    [property: Id(12)] DateTimeOffset? TreatmentStartedAt,
    [property: Id(13)] DateTimeOffset? TreatmentFinishedAt,
    [property: Id(14)] DateTimeOffset? CheckedOutAt,
    [property: Id(15)] bool WalkIn,
    [property: Id(16)] bool LateCancellation,
    [property: Id(17)] string? CancelReason,
    [property: Id(18)] int Version,
    [property: Id(19)] DateTimeOffset? RoomedAt,
    [property: Id(20)] ValueList<RoomStay> RoomStays,
    [property: Id(21)] CopayPayment? CopayCollected = null,
    [property: Id(22)] bool ServicesRecorded = false,
    [property: Id(23)] string? PlannedRoomId = null,
    [property: Id(24)] DateTimeOffset? ConfirmedAt = null)
{
    public bool IsClosed => Status.IsClosed();

    /// <summary>Arrival to check-out, once the patient has left.</summary>
    public TimeSpan? LengthOfStay => ArrivedAt is { } a && CheckedOutAt is { } c ? c - a : null;

    /// <summary>Arrival to the start of treatment.</summary>
    public TimeSpan? Wait => ArrivedAt is { } a && TreatmentStartedAt is { } s ? s - a : null;
}
