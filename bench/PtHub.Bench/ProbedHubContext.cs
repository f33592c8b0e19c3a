using Microsoft.AspNetCore.SignalR;
using PtHub.Grains.Contracts;
using PtHub.Web.Hubs;

namespace PtHub.Bench;

/// <summary>
/// The bench's one hook into the node: the typed hub context that PtHub's DashboardBridge forwards through, built
/// on SignalR's own untyped context exactly as SignalR's typed proxy is (one SendCoreAsync per call), plus a note
/// of each board delta at the moment the bridge hands it over, and when SignalR has written it to every
/// connection of the group. That splits a command's latency into "REST, grains and observer" (send to hand-over),
/// "SignalR server" (hand-over to written) and "transport and client" (written to screen).
/// </summary>
internal sealed class ProbedHubContext(IHubContext<DashboardHub> inner, Func<BoardDelta, Action?> onBoard) : IHubContext<DashboardHub, IDashboardClient>
{
    public IHubClients<IDashboardClient> Clients { get; } = new ProbedClients(inner.Clients, onBoard);

    public IGroupManager Groups => inner.Groups;

    private sealed class ProbedClients(IHubClients inner, Func<BoardDelta, Action?> onBoard) : IHubClients<IDashboardClient>
    {
        public IDashboardClient All => Wrap(inner.All);

        public IDashboardClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => Wrap(inner.AllExcept(excludedConnectionIds));

        public IDashboardClient Client(string connectionId) => Wrap(inner.Client(connectionId));

        public IDashboardClient Clients(IReadOnlyList<string> connectionIds) => Wrap(inner.Clients(connectionIds));

        public IDashboardClient Group(string groupName) => Wrap(inner.Group(groupName));

        public IDashboardClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) =>
            Wrap(inner.GroupExcept(groupName, excludedConnectionIds));

        public IDashboardClient Groups(IReadOnlyList<string> groupNames) => Wrap(inner.Groups(groupNames));

        public IDashboardClient User(string userId) => Wrap(inner.User(userId));

        public IDashboardClient Users(IReadOnlyList<string> userIds) => Wrap(inner.Users(userIds));

        private Proxy Wrap(IClientProxy proxy) => new(proxy, onBoard);
    }

    private sealed class Proxy(IClientProxy proxy, Func<BoardDelta, Action?> onBoard) : IDashboardClient
    {
        public Task BoardChanged(BoardDelta delta)
        {
            var written = onBoard(delta);
            var send = proxy.SendCoreAsync(nameof(BoardChanged), [delta]);
            if (written is not null)
            {
                _ = send.ContinueWith(_ => written(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return send;
        }

        public Task LobbyChanged(LobbyView lobby) => proxy.SendCoreAsync(nameof(LobbyChanged), [lobby]);

        public Task ManagerChanged(ManagerView manager) => proxy.SendCoreAsync(nameof(ManagerChanged), [manager]);

        public Task TherapistDayChanged(TherapistDayDelta delta) => proxy.SendCoreAsync(nameof(TherapistDayChanged), [delta]);

        public Task ScheduleChanged(ScheduleDelta delta) => proxy.SendCoreAsync(nameof(ScheduleChanged), [delta]);

        public Task Closing(string reason) => proxy.SendCoreAsync(nameof(Closing), [reason]);
    }
}
