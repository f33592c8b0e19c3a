using PtHub.Grains.Contracts;

namespace PtHub.Grains.Storage;

/// <summary>
/// The append-only audit table <c>pthub_audit</c>, in the same database as grain state. Rows are only inserted:
/// nothing here updates or deletes them, and (chain, seq) is the key, so a second writer of the same sequence fails
/// instead of forking the chain.
/// </summary>
public interface IAuditStore
{
    /// <summary>Inserts the entries in one transaction: all of them are stored, or none.</summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The last stored sequence and hash of a chain; <see cref="AuditChainHead.Empty"/> when it has no entry.</summary>
    Task<AuditChainHead> GetChainHeadAsync(string chain, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every entry of a chain in sequence order, read as it streams (a chain can be far larger than memory).</summary>
    IAsyncEnumerable<AuditEntry> ReadChainAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>The ids of the chains that have entries, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListChainsAsync(CancellationToken cancellationToken = default);
}
