using System.Runtime.CompilerServices;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Audit;

/// <summary>
/// An audit store in memory that keeps (chain, seq) unique as the real tables do, and lets a test hold a commit
/// open (<see cref="Hold"/>) or make the next one fail before or after it stores the rows.
/// </summary>
internal sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();
    private readonly List<AuditEntry> _rows = [];
    private readonly List<int> _batches = [];

    /// <summary>When set, the next commit waits for this task before it stores anything.</summary>
    public Task? Hold { get; set; }

    /// <summary>When set, the next commit throws this instead of storing.</summary>
    public Exception? FailBeforeStoring { get; set; }

    /// <summary>When set, the next commit stores its rows and then throws this (a commit whose answer got lost).</summary>
    public Exception? FailAfterStoring { get; set; }

    public int HeadReads { get; private set; }

    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<AuditEntry> Rows
    {
        get
        {
            lock (_lock)
            {
                return [.. _rows];
            }
        }
    }

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (Hold is { } hold)
        {
            Hold = null;
            await hold;
        }

        if (FailBeforeStoring is { } before)
        {
            FailBeforeStoring = null;
            throw before;
        }

        lock (_lock)
        {
            if (entries.Any(e => _rows.Any(r => r.Chain == e.Chain && r.Sequence == e.Sequence)))
            {
                throw new InvalidOperationException("duplicate key (chain, seq)");
            }

            _rows.AddRange(entries);
            _batches.Add(entries.Count);
        }

        if (FailAfterStoring is { } after)
        {
            FailAfterStoring = null;
            throw after;
        }
    }

    public Task<AuditChainHead> GetChainHeadAsync(string chain, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            HeadReads++;
            var last = _rows.Where(r => r.Chain == chain).MaxBy(r => r.Sequence);
            return Task.FromResult(last is null ? AuditChainHead.Empty : new AuditChainHead(last.Sequence, last.Hash));
        }
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The writer and the verifier never query.");

    public async IAsyncEnumerable<AuditEntry> ReadChainAsync(string chain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in Rows.Where(r => r.Chain == chain).OrderBy(r => r.Sequence))
        {
            await Task.Yield();
            yield return row;
        }
    }

    public Task<IReadOnlyList<string>> ListChainsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. Rows.Select(r => r.Chain).Distinct().Order(StringComparer.Ordinal)]);

    /// <summary>Replaces a stored row, as someone with write access to the table could.</summary>
    public void Tamper(long sequence, Func<AuditEntry, AuditEntry> change)
    {
        lock (_lock)
        {
            var at = _rows.FindIndex(r => r.Sequence == sequence);
            _rows[at] = change(_rows[at]);
        }
    }
}
