using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// The nodes subscribed to a clinic-day's live views, each on a lease it renews (Orleans'
/// <see cref="ObserverManager{TObserver}"/>). A node that stops renewing (it died, or lost its subscription when
/// the grain moved) lapses at the next notification. Notifications are one-way: nobody waits on a slow node.
/// </summary>
internal sealed class LiveSubscribers(ILogger logger)
{
    private readonly ObserverManager<IDashboardObserver> _observers = new(TimeSpan.Zero, logger);

    public int Count => _observers.Count;

    /// <summary>Starts or extends a lease; true when the observer was not watching (new, lapsed, or this grain is a new activation).</summary>
    public bool Renew(IDashboardObserver observer, TimeSpan lease)
    {
        _observers.ClearExpired();
        var isNew = !_observers.Observers.ContainsKey(observer);

        // One expiry for all: every node renews on the same configured beat, so the longest lease asked for is it.
        if (lease > _observers.ExpirationDuration)
        {
            _observers.ExpirationDuration = lease;
        }

        _observers.Subscribe(observer, observer);
        return isNew;
    }

    public void Remove(IDashboardObserver observer) => _observers.Unsubscribe(observer);

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

    public void DisconnectDisplay(string clinicId, string displayId) =>
        _observers.Notify(observer => _ = observer.OnDisplayRevoked(clinicId, displayId));

    public void Publish(LiveChanges changes)
    {
        if (changes is { Board: null, Lobby: null, Manager: null, Schedule: null })
        {
            _observers.ClearExpired();
            return;
        }

        _observers.Notify(observer =>
        {
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
        });
    }
}
