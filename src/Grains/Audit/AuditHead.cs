namespace PtHub.Grains.Audit;

/// <summary>
/// A chain's head as exported at <see cref="At"/>: its last sequence and hash, with <see cref="Mac"/> (see
/// <see cref="AuditAnchor.Sign"/>; empty when no key is configured). Kept outside the database, it shows rows cut
/// off the chain's end, which the chain alone cannot.
/// </summary>
public sealed record AuditHead(string Chain, long Sequence, string Hash, DateTimeOffset At, string Mac);
