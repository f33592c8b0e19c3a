namespace PtHub.Grains.Contracts;

/// <summary>A request to book a visit into a clinic's day; a walk-in is booked for now and arrives at once.</summary>
/// <param name="DurationMinutes">Defaults to the visit type's duration.</param>
/// <param name="CommandId">Makes the booking retry-safe: it becomes the visit's id.</param>
/// <param name="RoomId">The treatment space planned for the visit; its capacity is checked over the visit's time.</param>
/// <param name="Plan">The plan of care the visit belongs to; when null, the visit takes the patient's plan covering its date, if any.</param>
/// <param name="OverrideReason">The front desk books despite conflicts; the reason and the conflicts are recorded on the visit.</param>
[GenerateSerializer, Immutable, Alias("PtHub.BookVisitRequest")]
public sealed record BookVisitRequest(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string TherapistId,
    [property: Id(2)] string VisitTypeCode,
    [property: Id(3)] DateTimeOffset ScheduledStart,
    [property: Id(4)] int? DurationMinutes,
    [property: Id(5)] bool WalkIn,
    [property: Id(6)] string Actor,
    [property: Id(7)] Guid? CommandId,
    [property: Id(8)] string? RoomId = null,
    [property: Id(9)] string? OverrideReason = null,
    [property: Id(10)] VisitPlan? Plan = null);
