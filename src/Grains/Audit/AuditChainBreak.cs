namespace PtHub.Grains.Audit;

/// <summary>Where a chain stops being intact, and why.</summary>
/// <param name="Sequence">The first sequence that cannot be trusted: for a gap, the missing one.</param>
/// <param name="Reason">One of the constants below.</param>
/// <param name="Detail">What was expected and what was found.</param>
public sealed record AuditChainBreak(string Chain, long Sequence, string Reason, string Detail)
{
    /// <summary>The row's fields no longer give its stored hash: a field was changed.</summary>
    public const string HashMismatch = "hash mismatch";

    /// <summary>The row does not link to the row before it: a row before it was removed, replaced or moved.</summary>
    public const string PreviousHashMismatch = "previous hash mismatch";

    /// <summary>A sequence number is missing (or out of order): a row was deleted or renumbered.</summary>
    public const string SequenceGap = "sequence gap";

    /// <summary>The chain ends before a head exported earlier: rows were cut off its end.</summary>
    public const string TruncatedTail = "truncated tail";

    /// <summary>The entry at an exported head's sequence has another hash: the chain was rewritten from there on.</summary>
    public const string HeadMismatch = "exported head mismatch";

    /// <summary>A signed head (exported, or an anchor entry) whose signature the configured key does not give.</summary>
    public const string BadSignature = "bad head signature";
}
