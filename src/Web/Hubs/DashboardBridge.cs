using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Silo;
using PtHub.Web.Security;

namespace PtHub.Web.Hubs;

/// <summary>
/// This node's one grain observer. It watches today's clinic-day grain of every clinic that a client of this
/// node watches, renews those subscriptions on a heartbeat (they vanish silently when a grain moves or its silo
/// dies, and a new day starts at midnight), and forwards each change to the view's SignalR group, in order
/// per clinic.
/// </summary>
public sealed partial class DashboardBridge(
    IGrainFactory grains,
    IClusterMembershipService membership,
    IHubContext<DashboardHub, IDashboardClient> hub,
    IOptions<PtHubOptions> options,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    LiveSessionGuard sessions,
    ILogger<DashboardBridge> logger) : IDashboardObserver, IHostedService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClinicWatch> _clinics = [];
    private readonly Dictionary<string, Task> _sends = [];
    private readonly Dictionary<(string ClinicId, DashboardView View, DateOnly? Of), (DateOnly Date, long Version)> _forwarded = [];
    private readonly Dictionary<(string ClinicId, DateOnly Date), HashSet<string>> _schedules = [];
    private readonly CancellationTokenSource _stopping = new();
    private IDashboardObserver? _self;
    private readonly SemaphoreSlim _renewNow = new(0, 1);
    private Task _heartbeat = Task.CompletedTask;
    private Task _membershipWatch = Task.CompletedTask;
    private Task<bool>? _pendingTick;
    private Task? _pendingRenew;

    private TimeSpan Renewal => TimeSpan.FromSeconds(options.Value.WatchRenewSeconds);

    private TimeSpan Lease => Renewal * 3;

    /// <summary>Counts the connection as watching; the first watcher of a clinic subscribes this node to its day.</summary>
    public async Task<IClinicDayLiveGrain> WatchAsync(string connectionId, string clinicId, DashboardView view)
    {
        var day = await TodayAsync(clinicId);
        lock (_gate)
        {
            if (!_clinics.TryGetValue(clinicId, out var watch))
            {
                _clinics[clinicId] = watch = new ClinicWatch();
            }

            watch.Connections.Add((connectionId, view));
            watch.Day = day;
        }

        await day.Watch(Self(), Lease);
        return day;
    }

    public void Release(string connectionId, string clinicId, DashboardView view)
    {
        lock (_gate)
        {
            if (_clinics.TryGetValue(clinicId, out var watch))
            {
                watch.Connections.Remove((connectionId, view));
                if (view == DashboardView.Therapist)
                {
                    watch.Therapists.RemoveWhere(c => c.ConnectionId == connectionId);
                }

                ForgetIfUnwatched(clinicId, watch);
            }
        }
    }

    /// <summary>Watches one therapist's day: the clinic's board changes, sent on filtered to that therapist's group.</summary>
    public async Task<IClinicDayLiveGrain> WatchTherapistAsync(string connectionId, string clinicId, string therapistId)
    {
        var day = await WatchAsync(connectionId, clinicId, DashboardView.Therapist);
        lock (_gate)
        {
            if (_clinics.TryGetValue(clinicId, out var watch))
            {
                watch.Therapists.Add((connectionId, therapistId));
            }
        }

        return day;
    }

    /// <summary>
    /// Watches the schedule of one date (any date, so not through the clinic's today-following watch). Never unwatched
    /// explicitly: the same grain may be today's, watched for the board too, so a schedule nobody views simply stops
    /// being renewed and its lease lapses.
    /// </summary>
    public async Task<IClinicDayLiveGrain> WatchScheduleAsync(string connectionId, string clinicId, DateOnly date)
    {
        var day = grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, date));
        lock (_gate)
        {
            if (!_schedules.TryGetValue((clinicId, date), out var connections))
            {
                _schedules[(clinicId, date)] = connections = [];
            }

            connections.Add(connectionId);
        }

        await day.Watch(Self(), Lease);
        return day;
    }

    public void ReleaseSchedule(string connectionId, string clinicId, DateOnly date)
    {
        lock (_gate)
        {
            ForgetSchedule(connectionId, (clinicId, date));
        }
    }

    public void ReleaseAll(string connectionId)
    {
        lock (_gate)
        {
            foreach (var key in _schedules.Keys.ToArray())
            {
                ForgetSchedule(connectionId, key);
            }

            foreach (var (clinicId, watch) in _clinics.ToArray())
            {
                watch.Connections.RemoveWhere(c => c.ConnectionId == connectionId);
                watch.Therapists.RemoveWhere(c => c.ConnectionId == connectionId);
                ForgetIfUnwatched(clinicId, watch);
            }
        }
    }

    public Task OnBoardChanged(BoardDelta delta)
    {
        Forward(delta.ClinicId, DashboardView.Board, delta.Date, delta.Version, () => hub.Clients.Group(DashboardGroups.Of(delta.ClinicId, DashboardView.Board)).BoardChanged(delta));
        string[] therapists;
        lock (_gate)
        {
            therapists = _clinics.TryGetValue(delta.ClinicId, out var watch) ? [.. watch.Therapists.Select(t => t.TherapistId).Distinct()] : [];
        }

        if (therapists.Length > 0)
        {
            // Every watched therapist gets every version (most of them empty), so their screens see no gap.
            Forward(delta.ClinicId, DashboardView.Therapist, delta.Date, delta.Version, () => Task.WhenAll(therapists.Select(therapistId =>
                hub.Clients.Group(DashboardGroups.OfTherapist(delta.ClinicId, therapistId)).TherapistDayChanged(TherapistDayDelta.For(delta, therapistId)))));
        }

        return Task.CompletedTask;
    }

    public Task OnLobbyChanged(LobbyView lobby)
    {
        Forward(lobby.ClinicId, DashboardView.Lobby, lobby.Date, lobby.Version, () => hub.Clients.Group(DashboardGroups.Of(lobby.ClinicId, DashboardView.Lobby)).LobbyChanged(lobby));
        return Task.CompletedTask;
    }

    public Task OnManagerChanged(ManagerView manager)
    {
        Forward(manager.ClinicId, DashboardView.Manager, manager.Date, manager.Version, () => hub.Clients.Group(DashboardGroups.Of(manager.ClinicId, DashboardView.Manager)).ManagerChanged(manager));
        return Task.CompletedTask;
    }

    public Task OnScheduleChanged(ScheduleDelta delta)
    {
        Forward(delta.ClinicId, DashboardView.Schedule, delta.Date, delta.Version,
            () => hub.Clients.Group(DashboardGroups.OfSchedule(delta.ClinicId, delta.Date)).ScheduleChanged(delta), scheduleOf: delta.Date);
        return Task.CompletedTask;
    }

    /// <summary>A revoked display's connections are the session guard's to close.</summary>
    public Task OnDisplayRevoked(string clinicId, string displayId)
    {
        sessions.CloseDisplay(clinicId, displayId);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _heartbeat = RenewLoopAsync(_stopping.Token);
        _membershipWatch = WatchMembershipAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _heartbeat.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _membershipWatch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// When a silo is declared dead, the clinic-days it held come back elsewhere without their watchers: renew at once
    /// rather than at the next beat, so this node's screens resync within moments of the cluster noticing.
    /// </summary>
    private async Task WatchMembershipAsync(CancellationToken stopping)
    {
        var dead = 0;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping))
            {
                var now = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Dead);
                if (now > dead && _renewNow.CurrentCount == 0)
                {
                    _renewNow.Release();
                }

                dead = now;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RenewLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await TickAsync(timer, stopping))
        {
            string[] clinicIds;
            lock (_gate)
            {
                clinicIds = [.. _clinics.Keys];
            }

            (string ClinicId, DateOnly Date)[] schedules;
            lock (_gate)
            {
                schedules = [.. _schedules.Keys];
            }

            foreach (var (clinicId, date) in schedules)
            {
                try
                {
                    await grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, date)).Watch(Self(), Lease);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    LogRenewFailed(logger, ex, clinicId);
                }
            }

            foreach (var clinicId in clinicIds)
            {
                try
                {
                    var day = await TodayAsync(clinicId);
                    await day.Watch(Self(), Lease);
                    lock (_gate)
                    {
                        if (_clinics.TryGetValue(clinicId, out var watch))
                        {
                            watch.Day = day;
                        }
                    }
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // The silo holding the grain may be dying; the next beat tries again, on whichever silo takes it.
                    LogRenewFailed(logger, ex, clinicId);
                }
            }
        }
    }

    /// <summary>Waits for the next beat or for a silo's death, whichever comes first; false when stopping.</summary>
    private async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            // Both waits are kept across calls: an abandoned semaphore wait would swallow the next signal.
            _pendingTick ??= timer.WaitForNextTickAsync(stopping).AsTask();
            _pendingRenew ??= _renewNow.WaitAsync(stopping);
            var first = await Task.WhenAny(_pendingTick, _pendingRenew);
            if (first == _pendingTick)
            {
                var ticked = await _pendingTick;
                _pendingTick = null;
                return ticked && !stopping.IsCancellationRequested;
            }

            await _pendingRenew;
            _pendingRenew = null;
            return !stopping.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }


    private async Task<IClinicDayLiveGrain> TodayAsync(string clinicId)
    {
        var config = await grains.GetGrain<IClinicGrain>(clinicId).GetConfig()
            ?? throw new HubException($"No clinic '{clinicId}'.");
        return grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(time.GetUtcNow())));
    }

    private IDashboardObserver Self()
    {
        lock (_gate)
        {
            return _self ??= grains.CreateObjectReference<IDashboardObserver>(this);
        }
    }

    private void ForgetIfUnwatched(string clinicId, ClinicWatch watch)
    {
        if (watch.Connections.Count > 0)
        {
            return;
        }

        _clinics.Remove(clinicId);
        _sends.Remove(clinicId);
        foreach (var view in Enum.GetValues<DashboardView>())
        {
            _forwarded.Remove((clinicId, view, null));
        }

        if (watch.Day is { } day && _self is { } self && !_schedules.ContainsKey((clinicId, GrainKeys.SplitClinicDay(day.GetPrimaryKeyString()).Date)))
        {
            _ = day.Unwatch(self).ContinueWith(t => LogUnwatchFailed(logger, t.Exception!, clinicId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Sends one clinic's messages one after another. Silo-to-silo messages can overtake each other (Orleans keeps two
    /// connections per pair), so a message older than one already forwarded for the same view and day is dropped: a
    /// screen would ignore it anyway, and one that missed the newer message resyncs on the gap.
    /// </summary>
    private void Forward(string clinicId, DashboardView view, DateOnly date, long version, Func<Task> send, DateOnly? scheduleOf = null)
    {
        lock (_gate)
        {
            if (_forwarded.TryGetValue((clinicId, view, scheduleOf), out var last) && last.Date == date && last.Version >= version)
            {
                return;
            }

            _forwarded[(clinicId, view, scheduleOf)] = (date, version);
            var previous = _sends.GetValueOrDefault(clinicId, Task.CompletedTask);
            _sends[clinicId] = previous.ContinueWith(async _ =>
            {
                try
                {
                    await send();
                }
                catch (Exception ex)
                {
                    LogForwardFailed(logger, ex, clinicId);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private void ForgetSchedule(string connectionId, (string ClinicId, DateOnly Date) key)
    {
        if (_schedules.TryGetValue(key, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
        {
            _schedules.Remove(key);
            _forwarded.Remove((key.ClinicId, DashboardView.Schedule, key.Date));
        }
    }

    private sealed class ClinicWatch
    {
        public HashSet<(string ConnectionId, DashboardView View)> Connections { get; } = [];

        public HashSet<(string ConnectionId, string TherapistId)> Therapists { get; } = [];

        public IClinicDayLiveGrain? Day { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the live subscription of clinic {ClinicId}")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, string clinicId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not end the live subscription of clinic {ClinicId}")]
    private static partial void LogUnwatchFailed(ILogger logger, Exception ex, string clinicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward a live change of clinic {ClinicId}")]
    private static partial void LogForwardFailed(ILogger logger, Exception ex, string clinicId);
}
