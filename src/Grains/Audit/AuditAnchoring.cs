using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Audit;

/// <summary>
/// One round of anchoring: each chain whose last entry is not already an anchor gets a signed anchor entry naming
/// that entry (with a key), and the heads of every chain, signed, are answered for export. Idempotent between
/// appends, so nodes that anchor at the same time add at most one anchor each.
/// </summary>
public static class AuditAnchoring
{
    public const string UserId = "pthub";

    public const string Role = "System";

    /// <param name="append">Appends through the chain's single writer (the chain grain).</param>
    public static async Task<IReadOnlyList<AuditHead>> AnchorAsync(
        IAuditStore store, Func<AuditRecord, Task<AuditEntry>> append, byte[]? key, string source, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(append);
        var heads = new List<AuditHead>();
        foreach (var chain in await store.ListChainsAsync(cancellationToken))
        {
            if ((await store.QueryAsync(new AuditQuery(chain, Limit: 1), cancellationToken)) is not [var last])
            {
                continue;
            }

            if (key is not null && last.Action != AuditAnchor.Action)
            {
                last = await append(new AuditRecord(UserId, Role, chain == AuditChains.System ? null : chain, null, AuditAnchor.Action,
                    AuditAnchor.Resource(last.Sequence, last.Hash, AuditAnchor.Sign(key, chain, last.Sequence, last.Hash)), AuditOutcomes.Ok, source));
            }

            heads.Add(new AuditHead(chain, last.Sequence, last.Hash, now, key is null ? "" : AuditAnchor.Sign(key, chain, last.Sequence, last.Hash)));
        }

        return heads;
    }
}
