using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// The nodes watching a clinic-day, each on a lease it renews. A node that stops renewing (it died, or lost
/// its subscription when this grain moved) lapses. Notifications are one-way: nobody waits on a slow node.
/// </summary>
internal sealed class Watchers
{
    private readonly Dictionary<IDashboardObserver, long> _leases = [];

    public int Count => _leases.Count;

    public void Renew(IDashboardObserver observer, TimeSpan lease) =>
        _leases[observer] = Environment.TickCount64 + (long)lease.TotalMilliseconds;

    public void Remove(IDashboardObserver observer) => _leases.Remove(observer);

    public void Publish(LiveChanges changes)
    {
        var now = Environment.TickCount64;
        foreach (var (observer, expires) in _leases.ToArray())
        {
            if (expires < now)
            {
                _leases.Remove(observer);
                continue;
            }

            if (changes.Board is { } board)
            {
                _ = observer.OnBoardChanged(board);
            }

            if (changes.Lobby is { } lobby)
            {
                _ = observer.OnLobbyChanged(lobby);
            }

            if (changes.Manager is { } manager)
            {
                _ = observer.OnManagerChanged(manager);
            }
        }
    }
}
