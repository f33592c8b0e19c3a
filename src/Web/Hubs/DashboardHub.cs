using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Web.Endpoints;
using PtHub.Web.Security;

namespace PtHub.Web.Hubs;

/// <summary>
/// The live screens' hub. A client subscribes to one view of one clinic and gets its snapshot; deltas then
/// arrive on the view's group. Stateless: what a connection watches lives in its groups and in the bridge.
/// </summary>
public sealed class DashboardHub(IDashboardAccess access, DashboardBridge bridge, IGrainFactory grains, LiveSessionGuard sessions,
    HubGuard guard, DeniedJoinLog denials, [FromKeyedServices(Clock.Key)] TimeProvider time) : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    /// <summary>
    /// The largest message a client may send (SignalR's default is 32 KB). Every invocation carries only ids and a date,
    /// well under 1 KB; a larger message closes the connection, so nobody can make the hub parse megabytes.
    /// </summary>
    public const long MaximumReceiveMessageBytes = 4 * 1024;

    /// <summary>The board names the day's patients: watching it is a read of PHI, audited like the REST board with the patients of the snapshot.</summary>
    public async Task<BoardView> SubscribeBoard(string clinicId)
    {
        var day = await JoinAsync(clinicId, DashboardView.Board);
        var board = await day.GetBoard();
        await RecordOrLeaveAsync(clinicId, "board.view", "hub:SubscribeBoard", Disclosed.PatientsOf(board),
            () => Unsubscribe(clinicId, DashboardView.Board));
        return board;
    }

    public async Task<LobbyView> SubscribeLobby(string clinicId) =>
        await (await JoinAsync(clinicId, DashboardView.Lobby)).GetLobby();

    public async Task<ManagerView> SubscribeManager(string clinicId) =>
        await (await JoinAsync(clinicId, DashboardView.Manager)).GetManager();

    /// <summary>
    /// One therapist's own day, then its changes: the board's stream filtered to their visits on this node, so a
    /// therapist's screen never receives another therapist's patients. A therapist may watch only their own day.
    /// </summary>
    public async Task<TherapistDayView> SubscribeTherapistDay(string clinicId, string therapistId)
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var therapist = (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig())?.FindTherapist(therapistId);
        var refusal = await access.RefuseAsync(user, clinicId, DashboardView.Therapist)
            ?? (user.StaffRole() == StaffRole.Therapist && user.TherapistId() != therapistId ? "A therapist watches their own day only." : null)
            ?? (therapist is null ? $"No therapist '{therapistId}' in clinic '{clinicId}'." : null);
        if (refusal is not null)
        {
            await RefuseAsync("therapist-day.view", "hub:SubscribeTherapistDay");
            throw new HubException(refusal);
        }

        await guard.WatchAsync(Context, Clients.Caller, DashboardGroups.OfTherapist(clinicId, therapistId));
        var day = await bridge.WatchTherapistAsync(Context.ConnectionId, clinicId, therapistId);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.OfTherapist(clinicId, therapistId));
        var board = await day.GetBoard();
        var late = await day.GetRunningLate(therapistId);
        var rows = board.Rows.Where(r => r.TherapistId == therapistId).OrderBy(r => r.ScheduledStart).ToList();
        await RecordOrLeaveAsync(clinicId, "therapist-day.view", "hub:SubscribeTherapistDay", rows.Select(r => r.PatientId),
            async () =>
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.OfTherapist(clinicId, therapistId));
                bridge.Release(Context.ConnectionId, clinicId, DashboardView.Therapist);
                HubConnectionLimits.Of(Context).Unwatch(DashboardGroups.OfTherapist(clinicId, therapistId));
            });
        return new TherapistDayView(clinicId, board.Date, board.Version, therapistId, therapist!.DisplayName, late, [.. rows.Select(TherapistVisit.Of)]);
    }

    /// <summary>The schedule of one date, then its changes. It names every patient of that day: a read of PHI, audited.</summary>
    public async Task<ScheduleView> SubscribeSchedule(string clinicId, DateOnly date)
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var refusal = await access.RefuseAsync(user, clinicId, DashboardView.Schedule)
            ?? (DateWindow.Contains(date, time.GetUtcNow()) ? null : DateWindow.Message("date"));
        if (refusal is not null)
        {
            await RefuseAsync("schedule.view", "hub:SubscribeSchedule");
            throw new HubException(refusal);
        }

        await guard.WatchAsync(Context, Clients.Caller, DashboardGroups.OfSchedule(clinicId, date));
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.OfSchedule(clinicId, date));
        var day = await bridge.WatchScheduleAsync(Context.ConnectionId, clinicId, date);
        var schedule = await day.GetSchedule();
        await RecordOrLeaveAsync(clinicId, "schedule.view", "hub:SubscribeSchedule", Disclosed.PatientsOf(schedule),
            () => UnsubscribeSchedule(clinicId, date));
        return schedule;
    }

    public async Task UnsubscribeSchedule(string clinicId, DateOnly date)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.OfSchedule(clinicId, date));
        bridge.ReleaseSchedule(Context.ConnectionId, clinicId, date);
        HubConnectionLimits.Of(Context).Unwatch(DashboardGroups.OfSchedule(clinicId, date));
    }

    public async Task Unsubscribe(string clinicId, DashboardView view)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.Of(clinicId, view));
        bridge.Release(Context.ConnectionId, clinicId, view);
        HubConnectionLimits.Of(Context).Unwatch(DashboardGroups.Of(clinicId, view));
    }

    public override Task OnConnectedAsync()
    {
        sessions.Track(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        bridge.ReleaseAll(Context.ConnectionId);
        sessions.Untrack(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Records the read with the patients the snapshot names. The connection has joined the group by then (so no change
    /// falls between snapshot and deltas); if the entry cannot be written it leaves again, so nothing unaudited flows.
    /// </summary>
    private async Task RecordOrLeaveAsync(string clinicId, string action, string resource, IEnumerable<string> patients, Func<Task> leave)
    {
        try
        {
            await AuditTrail.RecordAsync(grains, Context.User ?? new ClaimsPrincipal(), clinicId, null, action, resource, AuditOutcomes.Ok, Source,
                Grains.Audit.AuditHash.NormalizePatients(patients));
        }
        catch
        {
            await leave();
            throw;
        }
    }

    /// <summary>
    /// A refused join: audited on the system chain (the clinic was not shown to be the caller's), repeats coalesced by
    /// <see cref="DeniedJoinLog"/>; and counted against the connection's limit.
    /// </summary>
    private async Task RefuseAsync(string? action, string resource)
    {
        if (action is not null)
        {
            await denials.RecordAsync(Context.User ?? new ClaimsPrincipal(), action, resource, Source);
        }

        await guard.RefusedAsync(Context, Clients.Caller);
    }

    private string Source => Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "hub";

    /// <summary>Joins the group before reading the snapshot, so no change falls between the two.</summary>
    private async Task<IClinicDayLiveGrain> JoinAsync(string clinicId, DashboardView view)
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var refusal = await access.RefuseAsync(user, clinicId, view);
        if (refusal is not null)
        {
            // The board names patients, so a refused look at it is audited; the lobby and manager views name none.
            await RefuseAsync(view == DashboardView.Board ? "board.view" : null, $"hub:Subscribe{view}");
            throw new HubException(refusal);
        }

        await guard.WatchAsync(Context, Clients.Caller, DashboardGroups.Of(clinicId, view));

        var day = await bridge.WatchAsync(Context.ConnectionId, clinicId, view);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Of(clinicId, view));
        return day;
    }
}
