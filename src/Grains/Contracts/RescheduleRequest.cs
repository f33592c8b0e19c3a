namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.RescheduleRequest")]
public sealed record RescheduleRequest(
    [property: Id(0)] string VisitId,
    [property: Id(1)] DateTimeOffset NewStart,
    [property: Id(2)] string? TherapistId,
    [property: Id(3)] string? RoomId,
    [property: Id(4)] string? OverrideReason,
    [property: Id(5)] string Actor,
    [property: Id(6)] Guid? CommandId);
