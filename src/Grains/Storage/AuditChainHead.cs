namespace PtHub.Grains.Storage;

/// <summary>Where a chain ends: the next entry gets <see cref="Sequence"/> + 1 and links to <see cref="Hash"/>.</summary>
public sealed record AuditChainHead(long Sequence, string Hash)
{
    /// <summary>The first entry's previous hash: 64 zeros, as no SHA-256 hex of real data is expected to be.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static readonly AuditChainHead Empty = new(0, GenesisHash);
}
