namespace PtHub.Grains.Audit;

/// <summary>The result of checking every audit chain: what was read, and the first break of each broken chain.</summary>
public sealed record AuditVerification(int ChainsChecked, long EntriesChecked, IReadOnlyList<AuditChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;
}
