namespace PtHub.Grains.Contracts;

/// <summary>What a visit is booked with; the clinic-day grain has checked the ids against the configuration.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitBooking")]
public sealed record VisitBooking(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string TherapistId,
    [property: Id(3)] string VisitTypeCode,
    [property: Id(4)] DateTimeOffset ScheduledStart,
    [property: Id(5)] int DurationMinutes,
    [property: Id(6)] DateOnly Date,
    [property: Id(7)] bool WalkIn,
    [property: Id(8)] string Actor,
    [property: Id(9)] Guid? CommandId,
    [property: Id(10)] string? PlannedRoomId = null,
    [property: Id(11)] string? Note = null,
    [property: Id(12)] VisitPlan? Plan = null);
