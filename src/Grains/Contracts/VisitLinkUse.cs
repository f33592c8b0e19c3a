namespace PtHub.Grains.Contracts;

/// <summary>How a link was used: its action ("confirm", "cancel", "reschedule") and when.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitLinkUse")]
public sealed record VisitLinkUse(
    [property: Id(0)] string Action,
    [property: Id(1)] DateTimeOffset At);
