using PtHub.Grains.Storage;

namespace PtHub.Grains.Audit;

/// <summary>
/// Recomputes every chain from the audit table: each entry must follow its predecessor's sequence, link to its
/// predecessor's hash, and hash to its stored <see cref="Contracts.AuditEntry.Hash"/>.
/// </summary>
/// <remarks>
/// What a chain cannot show by itself: rows cut off its end (the last rows deleted), or a chain rewritten from some
/// row to its end with freshly computed hashes, which needs someone who knows the format and writes the table. The
/// table refuses updates and deletes (triggers), so that takes the table owner's rights. Given the heads exported
/// earlier (<see cref="AuditHead"/>), each chain must still reach each head with the same hash, which shows both;
/// given the anchor key, every exported head and every anchor entry in a chain must carry a valid signature.
/// </remarks>
public static class AuditVerifier
{
    public static Task<AuditVerification> VerifyAsync(IAuditStore store, CancellationToken cancellationToken = default) =>
        VerifyAsync(store, null, null, cancellationToken);

    /// <param name="heads">The latest exported head of each chain, or null; a chain with an exported head that has no entry at all was cut off whole.</param>
    /// <param name="key">The anchor key, or null to check no signatures.</param>
    public static async Task<AuditVerification> VerifyAsync(
        IAuditStore store, IReadOnlyDictionary<string, AuditHead>? heads, byte[]? key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var chains = await store.ListChainsAsync(cancellationToken);
        var entries = 0L;
        var breaks = new List<AuditChainBreak>();
        foreach (var chain in chains.Union(heads?.Keys ?? []).Order(StringComparer.Ordinal))
        {
            var (count, firstBreak) = await VerifyChainAsync(store, chain, heads?.GetValueOrDefault(chain), key, cancellationToken);
            entries += count;
            if (firstBreak is not null)
            {
                breaks.Add(firstBreak);
            }
        }

        return new AuditVerification(chains.Union(heads?.Keys ?? []).Count(), entries, breaks);
    }

    /// <summary>Reads the whole chain (every entry is counted) and reports its first break, if any.</summary>
    public static Task<(long Entries, AuditChainBreak? FirstBreak)> VerifyChainAsync(
        IAuditStore store, string chain, CancellationToken cancellationToken = default) =>
        VerifyChainAsync(store, chain, null, null, cancellationToken);

    /// <summary>As <see cref="VerifyChainAsync(IAuditStore, string, CancellationToken)"/>, and the chain must reach <paramref name="exported"/> with its hash.</summary>
    public static async Task<(long Entries, AuditChainBreak? FirstBreak)> VerifyChainAsync(
        IAuditStore store, string chain, AuditHead? exported, byte[]? key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var previous = AuditChainHead.Empty;
        var count = 0L;
        AuditChainBreak? firstBreak = null;
        if (exported is not null && key is not null && !AuditAnchor.IsSigned(key, chain, exported.Sequence, exported.Hash, exported.Mac))
        {
            firstBreak = new AuditChainBreak(chain, exported.Sequence, AuditChainBreak.BadSignature,
                $"the exported head {exported.Sequence} {exported.Hash} of {exported.At:O} is not signed with the configured key");
        }

        await foreach (var entry in store.ReadChainAsync(chain, cancellationToken))
        {
            count++;
            if (firstBreak is not null)
            {
                continue;
            }

            if (key is not null && entry.Action == AuditAnchor.Action
                && (AuditAnchor.ParseResource(entry.Resource) is not { } anchored || anchored.Sequence >= entry.Sequence
                    || !AuditAnchor.IsSigned(key, chain, anchored.Sequence, anchored.Hash, anchored.Mac)))
            {
                firstBreak = new AuditChainBreak(chain, entry.Sequence, AuditChainBreak.BadSignature, $"the anchor entry's head '{entry.Resource}' is not signed with the configured key");
                continue;
            }

            if (exported is not null && entry.Sequence == exported.Sequence && !string.Equals(entry.Hash, exported.Hash, StringComparison.Ordinal))
            {
                firstBreak = new AuditChainBreak(chain, entry.Sequence, AuditChainBreak.HeadMismatch,
                    $"hashes to {entry.Hash}, but the head exported at {exported.At:O} is {exported.Hash}");
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

        if (firstBreak is null && exported is not null && previous.Sequence < exported.Sequence)
        {
            firstBreak = new AuditChainBreak(chain, previous.Sequence + 1, AuditChainBreak.TruncatedTail,
                $"the chain ends at sequence {previous.Sequence}, but its head exported at {exported.At:O} was sequence {exported.Sequence}");
        }

        return (count, firstBreak);
    }
}
