using PtHub.Grains.Storage;

namespace PtHub.Bench.Slots;

/// <summary>
/// The bench's one hook into the node: a pass-through around the node's own visit event log that counts the appends
/// (write transactions, each under the SQLite write gate) and the events in them, so a query's hidden writes show.
/// </summary>
internal sealed class CountingEventLog(IVisitEventLog inner) : IVisitEventLog
{
    private long _appends;
    private long _events;

    public long Appends => Interlocked.Read(ref _appends);

    public long Events => Interlocked.Read(ref _events);

    public Task AppendAsync(IReadOnlyList<VisitEventRecord> events, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _appends);
        Interlocked.Add(ref _events, events.Count);
        return inner.AppendAsync(events, cancellationToken);
    }

    public Task<IReadOnlyList<VisitEventRecord>> ReadVisitAsync(string visitId, CancellationToken cancellationToken = default) =>
        inner.ReadVisitAsync(visitId, cancellationToken);
}
