namespace PtHub.Web.Endpoints;

/// <summary>Move a booked visit. Omitted therapist or space keep the visit's own; <c>overrideReason</c> books despite conflicts.</summary>
public sealed record RescheduleBody(DateTimeOffset? ScheduledStart, string? TherapistId, string? RoomId, string? OverrideReason, Guid? CommandId);
