using PtHub.Grains.Kpis;

namespace PtHub.Grains.Storage;

/// <summary>
/// The append-only table of visit events, kept in the same database as grain state for history,
/// analytics and audit. Appends are idempotent on (VisitId, Sequence) so a visit can re-send
/// events it is not sure were written (after a crash between its state write and the append).
/// </summary>
public interface IVisitEventLog
{
    /// <summary>
    /// Appends the events and, in the same transaction, stores the visit's KPI facts after them (when given) and
    /// recomputes the roll-up of the visit's day (and of the day it left, when it moved).
    /// </summary>
    Task AppendAsync(IReadOnlyList<VisitEventRecord> events, VisitKpiFact? facts, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VisitEventRecord>> ReadVisitAsync(string visitId, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence of the visit already in the table (0 when none): a read, so checking costs no write.</summary>
    Task<int> LastSequenceAsync(string visitId, CancellationToken cancellationToken = default);
}
