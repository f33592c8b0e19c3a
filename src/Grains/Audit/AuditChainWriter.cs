using Microsoft.Extensions.Logging;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Audit;

/// <summary>
/// Group commit for one audit chain. While a batch is being committed, new records wait in a queue; when the commit
/// ends, everything queued goes to the store as the next single transaction. So under load each commit carries many
/// entries instead of each entry waiting for its own, and every caller is answered only once its batch is durable.
/// </summary>
/// <remarks>
/// Not thread-safe: the chain grain calls it from its own turns, which never run at the same time.
/// </remarks>
internal sealed partial class AuditChainWriter(string chain, IAuditStore store, ILogger logger)
{
    /// <summary>Bounds one transaction; a longer queue is committed in several.</summary>
    internal const int MaxBatch = 1000;

    private readonly List<Pending> _queue = [];
    private AuditChainHead? _head;
    private bool _writing;

    public string Chain { get; } = chain;

    /// <summary>The head as this writer believes it; null when it must be read from the store before the next commit.</summary>
    public AuditChainHead? Head => _head;

    public async Task LoadHeadAsync(CancellationToken cancellationToken) =>
        _head = await store.GetChainHeadAsync(Chain, cancellationToken);

    /// <summary>Queues the record, taken at <paramref name="at"/>; the task ends when its batch is committed or has failed.</summary>
    public Task<AuditEntry> Enqueue(AuditRecord record, DateTimeOffset at)
    {
        var pending = new Pending(record, at, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Add(pending);
        if (!_writing)
        {
            _writing = true;
            _ = WriteQueuedAsync();
        }

        return pending.Done.Task;
    }

    private async Task WriteQueuedAsync()
    {
        try
        {
            while (_queue.Count > 0)
            {
                var batch = _queue.GetRange(0, Math.Min(_queue.Count, MaxBatch));
                _queue.RemoveRange(0, batch.Count);
                await CommitAsync(batch);
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var head = _head ?? await store.GetChainHeadAsync(Chain);
            var entries = new AuditEntry[batch.Count];
            var previous = head.Hash;
            for (var i = 0; i < batch.Count; i++)
            {
                entries[i] = AuditHash.Seal(Chain, head.Sequence + i + 1, batch[i].At, batch[i].Record, previous);
                previous = entries[i].Hash;
            }

            // Off the grain's turn, so appends arriving meanwhile are taken in and queued for the next batch. Some stores
            // (Microsoft.Data.Sqlite) run their "async" calls synchronously: awaited here directly, the commit held the
            // grain for its whole length and every batch had one entry.
            await Task.Run(() => store.AppendAsync(entries));
            _head = new AuditChainHead(entries[^1].Sequence, entries[^1].Hash);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(entries[i]);
            }
        }
        catch (Exception ex)
        {
            // Whether the commit happened is unknown (a dropped connection can hide one), and a second activation of the
            // chain may have written meanwhile: forget the head, so the next batch links to what the store really holds.
            _head = null;
            LogCommitFailed(logger, ex, Chain, batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain {Chain}: committing {Count} entries failed; their callers get the error")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, string chain, int count);

    private sealed record Pending(AuditRecord Record, DateTimeOffset At, TaskCompletionSource<AuditEntry> Done);
}
