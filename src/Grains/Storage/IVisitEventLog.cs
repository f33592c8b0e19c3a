namespace PtHub.Grains.Storage;

/// <summary>
/// The append-only table of visit events, kept in the same database as grain state for history,
/// analytics and audit. Appends are idempotent on (VisitId, Sequence) so a visit can re-send
/// events it is not sure were written (after a crash between its state write and the append).
/// </summary>
public interface IVisitEventLog
{
    Task AppendAsync(IReadOnlyList<VisitEventRecord> events, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VisitEventRecord>> ReadVisitAsync(string visitId, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence of the visit already in the table (0 when none): a read, so checking costs no write.</summary>
    Task<int> LastSequenceAsync(string visitId, CancellationToken cancellationToken = default);
}
