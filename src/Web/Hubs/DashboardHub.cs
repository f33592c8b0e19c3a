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
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    /// <summary>
    /// The largest message a client may send (SignalR's default is 32 KB). Every invocation carries only ids and a date,
    /// well under 1 KB; a larger message closes the connection, so nobody can make the hub parse megabytes.
    /// </summary>
    public const long MaximumReceiveMessageBytes = 4 * 1024;

    public async Task<BoardView> SubscribeBoard(string clinicId) =>
        await (await JoinAsync(clinicId, DashboardView.Board)).GetBoard();

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
        var source = Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "hub";
        await AuditTrail.RecordAsync(grains, user, refusal is null ? clinicId : null, null, "therapist-day.view", "hub:SubscribeTherapistDay",
            refusal is null ? AuditOutcomes.Ok : AuditOutcomes.Denied, source);
        if (refusal is not null)
        {
            throw new HubException(refusal);
        }

        var day = await bridge.WatchTherapistAsync(Context.ConnectionId, clinicId, therapistId);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.OfTherapist(clinicId, therapistId));
        var board = await day.GetBoard();
        var late = await day.GetRunningLate(therapistId);
        return new TherapistDayView(clinicId, board.Date, board.Version, therapistId, therapist!.DisplayName, late,
            [.. board.Rows.Where(r => r.TherapistId == therapistId).OrderBy(r => r.ScheduledStart).Select(TherapistVisit.Of)]);
    }

    /// <summary>The schedule of one date, then its changes. It names every patient of that day: a read of PHI, audited.</summary>
    public async Task<ScheduleView> SubscribeSchedule(string clinicId, DateOnly date)
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var refusal = await access.RefuseAsync(user, clinicId, DashboardView.Schedule)
            ?? (DateWindow.Contains(date, time.GetUtcNow()) ? null : DateWindow.Message("date"));
        var source = Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "hub";
        await AuditTrail.RecordAsync(grains, user, refusal is null ? clinicId : null, null, "schedule.view", "hub:SubscribeSchedule",
            refusal is null ? AuditOutcomes.Ok : AuditOutcomes.Denied, source);
        if (refusal is not null)
        {
            throw new HubException(refusal);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.OfSchedule(clinicId, date));
        var day = await bridge.WatchScheduleAsync(Context.ConnectionId, clinicId, date);
        return await day.GetSchedule();
    }

    public async Task UnsubscribeSchedule(string clinicId, DateOnly date)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.OfSchedule(clinicId, date));
        bridge.ReleaseSchedule(Context.ConnectionId, clinicId, date);
    }

    public async Task Unsubscribe(string clinicId, DashboardView view)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.Of(clinicId, view));
        bridge.Release(Context.ConnectionId, clinicId, view);
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

    /// <summary>Joins the group before reading the snapshot, so no change falls between the two.</summary>
    private async Task<IClinicDayLiveGrain> JoinAsync(string clinicId, DashboardView view)
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var refusal = await access.RefuseAsync(user, clinicId, view);
        if (view == DashboardView.Board)
        {
            // The board names the day's patients: watching it is a read of PHI, audited like the REST board.
            var source = Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "hub";
            await AuditTrail.RecordAsync(grains, user, refusal is null ? clinicId : null, null, "board.view", "hub:SubscribeBoard",
                refusal is null ? AuditOutcomes.Ok : AuditOutcomes.Denied, source);
        }

        if (refusal is not null)
        {
            throw new HubException(refusal);
        }

        var day = await bridge.WatchAsync(Context.ConnectionId, clinicId, view);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Of(clinicId, view));
        return day;
    }
}
