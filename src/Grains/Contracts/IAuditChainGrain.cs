namespace PtHub.Grains.Contracts;

/// <summary>
/// One hash-chained audit log. Key: a clinic id, or <see cref="AuditChains.System"/> for records without a clinic
/// (use <see cref="AuditChains.ChainOf"/> to pick it).
/// </summary>
[Alias("PtHub.IAuditChainGrain")]
public interface IAuditChainGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends the record and answers once it is committed to the database. Appends that arrive together are
    /// committed together in one transaction. Throws <see cref="ArgumentException"/> for an incomplete record or one
    /// of another chain's clinic, and the storage error when the commit failed (nothing of that batch is answered
    /// as stored).
    /// </summary>
    [Alias("Append")]
    Task<AuditEntry> Append(AuditRecord record);
}
