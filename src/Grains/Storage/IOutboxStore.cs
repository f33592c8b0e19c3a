using PtHub.Grains.Contracts;

namespace PtHub.Grains.Storage;

/// <summary>
/// The durable outbox (pthub_outbox, pthub_outbox_attempts). A message is stored before it is sent; a sender claims
/// due messages under a lease, so no two nodes hold one at once, and records each attempt under that lease.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Makes a visit's pending messages exactly <paramref name="wanted"/> in one transaction: pending ones not wanted
    /// are withdrawn, wanted ones not yet stored are added (one already stored under its key is left as it is).
    /// </summary>
    Task PlanVisitAsync(string visitId, IReadOnlyList<OutboxMessage> wanted, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Withdraws those of <paramref name="keys"/> still pending, in one transaction, as <see cref="PlanVisitAsync"/> withdraws
    /// (one a sender holds becomes withdrawing: its send is recorded as it turns out, never retried); the number
    /// withdrawn. For a waitlist offer that was taken or stopped.
    /// </summary>
    Task<int> WithdrawAsync(IReadOnlyCollection<string> keys, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Stores one message unless its key is already stored; true when it was added.</summary>
    Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="limit"/> pending messages whose next attempt is due and whose lease is free or ran
    /// out, leasing them to <paramref name="node"/> until <paramref name="now"/> + <paramref name="lease"/> and
    /// counting the attempt. A message whose previous holder died with it comes back here once the lease ends.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string node, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an attempt and the message's new status while <paramref name="node"/> still holds its lease; false
    /// (nothing written) when the lease was lost to another node.
    /// </summary>
    Task<bool> RecordAsync(string node, OutboxAttempt attempt, OutboxStatus status, DateTimeOffset nextAttemptAt, MessageChannel channel,
        string? recipient, CancellationToken cancellationToken = default);

    /// <summary>A clinic's messages (one patient's when given): failed and bounced first, then pending, then the rest, newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListAsync(string clinicId, string? patientId, int limit, CancellationToken cancellationToken = default);

    Task<OutboxMessage?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxAttempt>> AttemptsAsync(string key, CancellationToken cancellationToken = default);
}
