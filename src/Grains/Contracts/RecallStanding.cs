namespace PtHub.Grains.Contracts;

/// <summary>A recall and its message's status in the outbox (null when the outbox has no such message).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.RecallStanding")]
public sealed record RecallStanding(
    [property: Id(0)] RecallSent Sent,
    [property: Id(1)] OutboxStatus? MessageStatus);
