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

    /// <summary>Starts or extends a lease; true when the observer was not watching (new, lapsed, or this grain is a new activation).</summary>
    public bool Renew(IDashboardObserver observer, TimeSpan lease)
    {
        var isNew = !_leases.ContainsKey(observer);
        _leases[observer] = Environment.TickCount64 + (long)lease.TotalMilliseconds;
        return isNew;
    }

    public void Remove(IDashboardObserver observer) => _leases.Remove(observer);

    /// <summary>
    /// Brings a node that was not watching up to date: it gets the current views as of their versions. Its screens
    /// that hold those versions ignore them; screens that missed anything see a version gap and take a snapshot.
    /// </summary>
    public static void SendCurrent(IDashboardObserver observer, BoardView board, LobbyView lobby, ManagerView manager, ScheduleView schedule)
    {
        _ = observer.OnBoardChanged(new BoardDelta(board.ClinicId, board.Date, board.Version, board.Rows, [], board.Openings));
        _ = observer.OnLobbyChanged(lobby);
        _ = observer.OnManagerChanged(manager);
        _ = observer.OnScheduleChanged(new ScheduleDelta(schedule.ClinicId, schedule.Date, schedule.Version, schedule.Entries, [], schedule.Frame, schedule.Openings));
    }

    public void DisconnectDisplay(string clinicDayKey, string displayId)
    {
        var clinicId = GrainKeys.SplitClinicDay(clinicDayKey).ClinicId;
        foreach (var observer in _leases.Keys)
        {
            _ = observer.OnDisplayRevoked(clinicId, displayId);
        }
    }

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

            if (changes.Schedule is { } schedule)
            {
                _ = observer.OnScheduleChanged(schedule);
            }
        }
    }
}
