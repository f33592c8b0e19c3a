using PtHub.Grains.Storage;

namespace PtHub.Grains.Audit;

/// <summary>
/// Recomputes every chain from the audit table: each entry must follow its predecessor's sequence, link to its
/// predecessor's hash, and hash to its stored <see cref="Contracts.AuditEntry.Hash"/>.
/// </summary>
/// <remarks>
/// What a chain cannot show by itself: rows cut off its end (the last rows deleted), or a chain rewritten from some
/// row to its end with freshly computed hashes, which needs someone who knows the format and writes the table. The
/// table refuses updates and deletes (triggers), so that takes the table owner's rights; keeping a copy of each
/// chain's head elsewhere (a printed or exported hash) makes such a rewrite visible too.
/// </remarks>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(IAuditStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var chains = await store.ListChainsAsync(cancellationToken);
        var entries = 0L;
        var breaks = new List<AuditChainBreak>();
        foreach (var chain in chains)
        {
            var (count, firstBreak) = await VerifyChainAsync(store, chain, cancellationToken);
            entries += count;
            if (firstBreak is not null)
            {
                breaks.Add(firstBreak);
            }
        }

        return new AuditVerification(chains.Count, entries, breaks);
    }

    /// <summary>Reads the whole chain (every entry is counted) and reports its first break, if any.</summary>
    public static async Task<(long Entries, AuditChainBreak? FirstBreak)> VerifyChainAsync(
        IAuditStore store, string chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var previous = AuditChainHead.Empty;
        var count = 0L;
        AuditChainBreak? firstBreak = null;
        await foreach (var entry in store.ReadChainAsync(chain, cancellationToken))
        {
            count++;
            if (firstBreak is not null)
            {
                continue;
            }

            var expected = previous.Sequence + 1;
            if (entry.Sequence != expected)
            {
                firstBreak = new AuditChainBreak(chain, expected, AuditChainBreak.SequenceGap, $"expected sequence {expected}, found {entry.Sequence}");
            }
            else if (!string.Equals(entry.PreviousHash, previous.Hash, StringComparison.Ordinal))
            {
                firstBreak = new AuditChainBreak(chain, entry.Sequence, AuditChainBreak.PreviousHashMismatch,
                    $"links to {entry.PreviousHash}, but the entry before hashes to {previous.Hash}");
            }
            else if (AuditHash.Compute(entry) is var computed && !string.Equals(computed, entry.Hash, StringComparison.Ordinal))
            {
                firstBreak = new AuditChainBreak(chain, entry.Sequence, AuditChainBreak.HashMismatch, $"stored {entry.Hash}, fields hash to {computed}");
            }

            previous = new AuditChainHead(entry.Sequence, entry.Hash);
        }

        return (count, firstBreak);
    }
}
