using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Silo;
using PtHub.Web.Security;

namespace PtHub.Web.Hubs;

/// <summary>
/// This node's one grain observer, between the hub and the clinic-day grains: it subscribes to today's clinic-day of
/// every clinic a client of this node watches (and to the schedules of the dates watched), and hands each change to
/// the forwarder for the view's SignalR group. Who watches what is the <see cref="LiveWatchRegistry"/>'s; keeping
/// the subscriptions alive is the <see cref="LiveWatchRenewer"/>'s; order and de-duplication the
/// <see cref="LivePushForwarder"/>'s.
/// </summary>
public sealed partial class DashboardBridge(
    IGrainFactory grains,
    IHubContext<DashboardHub, IDashboardClient> hub,
    LiveWatchRegistry registry,
    LivePushForwarder forwarder,
    IOptions<PtHubOptions> options,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    LiveSessionGuard sessions,
    ILogger<DashboardBridge> logger) : IDashboardObserver
{
    private readonly Lock _gate = new();
    private IDashboardObserver? _self;

    /// <summary>How long a subscription lasts unrenewed: three beats, so one missed renewal loses nothing.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.WatchRenewSeconds) * 3;

    /// <summary>This bridge as the clinic-day grains call it.</summary>
    public IDashboardObserver Observer
    {
        get
        {
            lock (_gate)
            {
                return _self ??= grains.CreateObjectReference<IDashboardObserver>(this);
            }
        }
    }

    /// <summary>Counts the connection as watching; the first watcher of a clinic subscribes this node to its day.</summary>
    public async Task<IClinicDayLiveGrain> WatchAsync(string connectionId, string clinicId, DashboardView view)
    {
        var day = await TodayAsync(clinicId);
        registry.AddClinic(connectionId, clinicId, view, day);
        await day.Watch(Observer, Lease);
        return day;
    }

    public void Release(string connectionId, string clinicId, DashboardView view) =>
        Unsubscribe(registry.RemoveClinic(connectionId, clinicId, view));

    /// <summary>Watches one therapist's day: the clinic's board changes, sent on filtered to that therapist's group.</summary>
    public async Task<IClinicDayLiveGrain> WatchTherapistAsync(string connectionId, string clinicId, string therapistId)
    {
        var day = await WatchAsync(connectionId, clinicId, DashboardView.Therapist);
        registry.AddTherapist(connectionId, clinicId, therapistId);
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
        registry.AddSchedule(connectionId, clinicId, date);
        await day.Watch(Observer, Lease);
        return day;
    }

    public void ReleaseSchedule(string connectionId, string clinicId, DateOnly date)
    {
        if (registry.RemoveSchedule(connectionId, clinicId, date))
        {
            forwarder.ForgetSchedule(clinicId, date);
        }
    }

    public void ReleaseAll(string connectionId)
    {
        var (clinics, schedules) = registry.RemoveConnection(connectionId);
        foreach (var (clinicId, date) in schedules)
        {
            forwarder.ForgetSchedule(clinicId, date);
        }

        foreach (var clinic in clinics)
        {
            Unsubscribe(clinic);
        }
    }

    public Task OnBoardChanged(BoardDelta delta)
    {
        forwarder.Forward(delta.ClinicId, DashboardView.Board, delta.Date, delta.Version,
            () => hub.Clients.Group(DashboardGroups.Of(delta.ClinicId, DashboardView.Board)).BoardChanged(delta));
        if (registry.Therapists(delta.ClinicId) is { Length: > 0 } therapists)
        {
            // Every watched therapist gets every version (most of them empty), so their screens see no gap.
            forwarder.Forward(delta.ClinicId, DashboardView.Therapist, delta.Date, delta.Version, () => Task.WhenAll(therapists.Select(therapistId =>
                hub.Clients.Group(DashboardGroups.OfTherapist(delta.ClinicId, therapistId)).TherapistDayChanged(TherapistDayDelta.For(delta, therapistId)))));
        }

        return Task.CompletedTask;
    }

    public Task OnLobbyChanged(LobbyView lobby)
    {
        forwarder.Forward(lobby.ClinicId, DashboardView.Lobby, lobby.Date, lobby.Version,
            () => hub.Clients.Group(DashboardGroups.Of(lobby.ClinicId, DashboardView.Lobby)).LobbyChanged(lobby));
        return Task.CompletedTask;
    }

    public Task OnManagerChanged(ManagerView manager)
    {
        forwarder.Forward(manager.ClinicId, DashboardView.Manager, manager.Date, manager.Version,
            () => hub.Clients.Group(DashboardGroups.Of(manager.ClinicId, DashboardView.Manager)).ManagerChanged(manager));
        return Task.CompletedTask;
    }

    public Task OnScheduleChanged(ScheduleDelta delta)
    {
        forwarder.Forward(delta.ClinicId, DashboardView.Schedule, delta.Date, delta.Version,
            () => hub.Clients.Group(DashboardGroups.OfSchedule(delta.ClinicId, delta.Date)).ScheduleChanged(delta), scheduleOf: delta.Date);
        return Task.CompletedTask;
    }

    /// <summary>A revoked display's connections are the session guard's to close.</summary>
    public Task OnDisplayRevoked(string clinicId, string displayId)
    {
        sessions.CloseDisplay(clinicId, displayId);
        return Task.CompletedTask;
    }

    /// <summary>The clinic's day today, in its own time zone.</summary>
    public async Task<IClinicDayLiveGrain> TodayAsync(string clinicId)
    {
        var config = await grains.GetGrain<IClinicGrain>(clinicId).GetConfig()
            ?? throw new HubException($"No clinic '{clinicId}'.");
        return grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(time.GetUtcNow())));
    }

    private void Unsubscribe(LiveWatchRegistry.Unwatched? unwatched)
    {
        if (unwatched is not { } clinic)
        {
            return;
        }

        forwarder.ForgetClinic(clinic.ClinicId);
        IDashboardObserver? self;
        lock (_gate)
        {
            self = _self;
        }

        if (clinic.Day is { } day && self is not null && !clinic.ScheduleStillWatched)
        {
            _ = day.Unwatch(self).ContinueWith(t => LogUnwatchFailed(logger, t.Exception!, clinic.ClinicId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not end the live subscription of clinic {ClinicId}")]
    private static partial void LogUnwatchFailed(ILogger logger, Exception ex, string clinicId);
}
