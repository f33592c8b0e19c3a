using System.Diagnostics;
using PtHub.Grains.Kpis;
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
    private long _ticks;

    public long Appends => Interlocked.Read(ref _appends);

    public long Events => Interlocked.Read(ref _events);

    /// <summary>Time spent in appends, summed (ms); it includes waiting at the write gate when appends overlap.</summary>
    public double Milliseconds => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks)).TotalMilliseconds;

    public async Task AppendAsync(IReadOnlyList<VisitEventRecord> events, VisitKpiFact? facts, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _appends);
        Interlocked.Add(ref _events, events.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.AppendAsync(events, facts, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }

    public Task<IReadOnlyList<VisitEventRecord>> ReadVisitAsync(string visitId, CancellationToken cancellationToken = default) =>
        inner.ReadVisitAsync(visitId, cancellationToken);

    public Task<int> LastSequenceAsync(string visitId, CancellationToken cancellationToken = default) =>
        inner.LastSequenceAsync(visitId, cancellationToken);
}
