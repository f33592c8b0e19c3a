namespace PtHub.Grains.Contracts;

/// <summary>One accepted change of a visit: who, when, from which status to which, where, with whom.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitEvent")]
public sealed record VisitEvent(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] VisitAction Action,
    [property: Id(4)] VisitStatus? From,
    [property: Id(5)] VisitStatus To,
    [property: Id(6)] string? RoomId,
    [property: Id(7)] string? TherapistId,
    [property: Id(8)] string? Detail = null);
