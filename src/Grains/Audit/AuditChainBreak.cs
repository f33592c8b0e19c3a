namespace PtHub.Grains.Audit;

/// <summary>Where a chain stops being intact, and why.</summary>
/// <param name="Sequence">The first sequence that cannot be trusted: for a gap, the missing one.</param>
/// <param name="Reason"><see cref="HashMismatch"/>, <see cref="PreviousHashMismatch"/> or <see cref="SequenceGap"/>.</param>
/// <param name="Detail">What was expected and what was found.</param>
public sealed record AuditChainBreak(string Chain, long Sequence, string Reason, string Detail)
{
    /// <summary>The row's fields no longer give its stored hash: a field was changed.</summary>
    public const string HashMismatch = "hash mismatch";

    /// <summary>The row does not link to the row before it: a row before it was removed, replaced or moved.</summary>
    public const string PreviousHashMismatch = "previous hash mismatch";

    /// <summary>A sequence number is missing (or out of order): a row was deleted or renumbered.</summary>
    public const string SequenceGap = "sequence gap";
}
