using Microsoft.AspNetCore.SignalR;

namespace PtHub.Web.Hubs;

/// <summary>
/// What one live connection has used of its limits: calls in the current second, the views it watches, the joins
/// it was refused. Kept in the connection's items; SignalR runs one invocation of a connection at a time, and the
/// lock covers the rest (disconnect runs beside a last invocation).
/// </summary>
internal sealed class HubConnectionLimits
{
    private static readonly object Key = new();

    private readonly Lock _gate = new();
    private readonly HashSet<string> _watching = new(StringComparer.Ordinal);
    private long _windowStart;
    private int _inWindow;
    private int _refused;

    /// <summary>Why the connection was closed; once set, every further call is refused with it.</summary>
    public string? ClosedFor { get; private set; }

    public static HubConnectionLimits Of(HubCallerContext context)
    {
        lock (context.Items)
        {
            if (context.Items.TryGetValue(Key, out var found) && found is HubConnectionLimits limits)
            {
                return limits;
            }

            var created = new HubConnectionLimits();
            context.Items[Key] = created;
            return created;
        }
    }

    /// <summary>Counts a call at <paramref name="timestamp"/> (a <see cref="TimeProvider.GetTimestamp"/>); false when it is one too many for its second.</summary>
    public bool TryCall(long timestamp, long ticksPerSecond, int perSecond)
    {
        lock (_gate)
        {
            if (timestamp - _windowStart >= ticksPerSecond)
            {
                _windowStart = timestamp;
                _inWindow = 0;
            }

            return ++_inWindow <= perSecond;
        }
    }

    /// <summary>Adds a view; false when it would be one more than <paramref name="most"/> (watching one again is free).</summary>
    public bool TryWatch(string view, int most)
    {
        lock (_gate)
        {
            return _watching.Contains(view) || (_watching.Count < most && _watching.Add(view));
        }
    }

    public void Unwatch(string view)
    {
        lock (_gate)
        {
            _watching.Remove(view);
        }
    }

    /// <summary>Counts a refused join; false when it is one more than <paramref name="most"/>.</summary>
    public bool TryRefuse(int most)
    {
        lock (_gate)
        {
            return ++_refused <= most;
        }
    }

    /// <summary>Marks the connection closed; false when it already was (so it is closed, and reported, once).</summary>
    public bool Close(string reason)
    {
        lock (_gate)
        {
            if (ClosedFor is not null)
            {
                return false;
            }

            ClosedFor = reason;
            return true;
        }
    }
}
