using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>One outbox message with every attempt at sending it.</summary>
public sealed record MessageDetail(OutboxMessage Message, IReadOnlyList<OutboxAttempt> Attempts);
