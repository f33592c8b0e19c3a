namespace PtHub.Silo.Messaging;

/// <summary>A rendered message on its way to a provider; <see cref="IdempotencyKey"/> is the outbox key.</summary>
public sealed record OutgoingMessage(string IdempotencyKey, string To, string Subject, string Body);
