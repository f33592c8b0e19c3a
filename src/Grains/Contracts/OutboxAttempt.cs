namespace PtHub.Grains.Contracts;

/// <summary>One attempt at sending an outbox message: when, by which node, and what the provider answered.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OutboxAttempt")]
public sealed record OutboxAttempt(
    [property: Id(0)] string Key,
    [property: Id(1)] int Attempt,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Node,
    [property: Id(4)] string Outcome,
    [property: Id(5)] string? Detail);
