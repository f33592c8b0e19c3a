using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Web.Hubs;

namespace PtHub.Tests.Infrastructure;

/// <summary>
/// A screen as the protocol asks one to behave, over the real SignalR .NET client on WebSockets: subscribe to one
/// view, take the snapshot, apply deltas of exactly the next version, and on a gap or a new day take a fresh
/// snapshot. It records every message raw (to scan for PHI) and every version it saw (to check the order).
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Channel<(string Method, JsonElement Payload)> _inbox = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Lock _gate = new();
    private readonly List<string> _raw = [];
    private readonly List<long> _versions = [];
    private readonly Dictionary<string, BoardRow> _rows = [];
    private IReadOnlyList<BoardOpening> _openings = [];
    private readonly HubConnection _connection;
    private readonly string _clinicId;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;

    private LiveClient(Uri baseAddress, string clinicId, DashboardView view, Action<HttpConnectionOptions> authenticate)
    {
        _clinicId = clinicId;
        View = view;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, DashboardHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                authenticate(o);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Json)
            .Build();
        _connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
        foreach (var method in new[] { nameof(IDashboardClient.BoardChanged), nameof(IDashboardClient.LobbyChanged), nameof(IDashboardClient.ManagerChanged) })
        {
            _connection.On<JsonElement>(method, payload => _inbox.Writer.TryWrite((method, payload)));
        }
    }

    public DashboardView View { get; }

    /// <summary>Completes when the server ends the connection (or it is lost); the client does not reconnect by itself.</summary>
    public Task Closed => _closed.Task;

    public long Version { get; private set; }

    public DateOnly Date { get; private set; }

    public int Resyncs { get; private set; }

    public LobbyView? Lobby { get; private set; }

    public ManagerView? Manager { get; private set; }

    public IReadOnlyList<BoardRow> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values.OrderBy(r => r.ScheduledStart).ThenBy(r => r.VisitId, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The board's openings (freed slots, with their waitlist offers), as the snapshot and the deltas left them.</summary>
    public IReadOnlyList<BoardOpening> Openings
    {
        get
        {
            lock (_gate)
            {
                return _openings;
            }
        }
    }

    /// <summary>Every pushed message, as the JSON text that came over the wire.</summary>
    public IReadOnlyList<string> RawMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _raw];
            }
        }
    }

    /// <summary>The versions of the pushed messages, in order of arrival.</summary>
    public IReadOnlyList<long> PushedVersions
    {
        get
        {
            lock (_gate)
            {
                return [.. _versions];
            }
        }
    }

    /// <summary>The view as this client holds it, as text, to compare whole states between clients.</summary>
    public string StateJson => View switch
    {
        DashboardView.Board => JsonSerializer.Serialize(new { Version, Rows }, Json),
        DashboardView.Lobby => JsonSerializer.Serialize(Lobby! with { AsOf = default }, Json),
        _ => JsonSerializer.Serialize(Manager! with { AsOf = default }, Json),
    };

    /// <summary>Connects as the node's administrator.</summary>
    public static Task<LiveClient> ConnectAsync(AppNode node, string clinicId, DashboardView view) =>
        ConnectAsync(node.BaseAddress, clinicId, view, node.Admin.Authenticate);

    public static async Task<LiveClient> ConnectAsync(Uri baseAddress, string clinicId, DashboardView view, Action<HttpConnectionOptions> authenticate)
    {
        var client = new LiveClient(baseAddress, clinicId, view, authenticate);
        await client.StartAsync();
        return client;
    }

    public async Task StartAsync()
    {
        await _connection.StartAsync(TestContext.Current.CancellationToken);
        await SnapshotAsync();
        _pump = PumpAsync();
    }

    /// <summary>Drops the connection, as a network loss or a closed laptop would.</summary>
    public async Task DisconnectAsync()
    {
        await _connection.StopAsync();
        _inbox.Writer.TryWrite(("", default));
        await _pump;
    }

    /// <summary>Comes back and resynchronises, as a screen does after reconnecting.</summary>
    public async Task ReconnectAsync()
    {
        await _connection.StartAsync(TestContext.Current.CancellationToken);
        await SnapshotAsync();
        _pump = PumpAsync();
    }

    public Task<T> InvokeAsync<T>(string method, params object[] args) =>
        _connection.InvokeCoreAsync<T>(method, args, TestContext.Current.CancellationToken);

    /// <summary>Waits until the condition holds on this client's state (bounded, so a broken push fails instead of hanging).</summary>
    public async Task WaitUntilAsync(Func<LiveClient, bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(this))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"{View} client never saw: {what}. It holds version {Version}.");
            }
        }
    }

    private async Task SnapshotAsync()
    {
        switch (View)
        {
            case DashboardView.Board:
                var board = await _connection.InvokeAsync<BoardView>(nameof(DashboardHub.SubscribeBoard), _clinicId);
                lock (_gate)
                {
                    _rows.Clear();
                    foreach (var row in board.Rows)
                    {
                        _rows[row.VisitId] = row;
                    }

                    _openings = [.. board.Openings ?? []];

                    SetVersion(board.Date, board.Version);
                }

                break;
            case DashboardView.Lobby:
                var lobby = await _connection.InvokeAsync<LobbyView>(nameof(DashboardHub.SubscribeLobby), _clinicId);
                lock (_gate)
                {
                    Lobby = lobby;
                    SetVersion(lobby.Date, lobby.Version);
                }

                break;
            default:
                var manager = await _connection.InvokeAsync<ManagerView>(nameof(DashboardHub.SubscribeManager), _clinicId);
                lock (_gate)
                {
                    Manager = manager;
                    SetVersion(manager.Date, manager.Version);
                }

                break;
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var (method, payload) in _inbox.Reader.ReadAllAsync())
        {
            if (method.Length == 0)
            {
                return;
            }

            if (!Apply(method, payload))
            {
                Resyncs++;
                await SnapshotAsync();
            }
        }
    }

    /// <summary>False when the message cannot be applied (a gap or another day): the caller resyncs.</summary>
    private bool Apply(string method, JsonElement payload)
    {
        lock (_gate)
        {
            _raw.Add(payload.GetRawText());
            var date = DateOnly.Parse(payload.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var version = payload.GetProperty("version").GetInt64();
            _versions.Add(version);
            if (date == Date && version <= Version)
            {
                return true;
            }

            if (date != Date || version != Version + 1)
            {
                return false;
            }

            switch (method)
            {
                case nameof(IDashboardClient.BoardChanged) when View == DashboardView.Board:
                    var delta = payload.Deserialize<BoardDelta>(Json)!;
                    foreach (var row in delta.Upserts)
                    {
                        _rows[row.VisitId] = row;
                    }

                    foreach (var id in delta.Removed)
                    {
                        _rows.Remove(id);
                    }

                    if (delta.Openings is { } openings)
                    {
                        _openings = [.. openings];
                    }

                    break;
                case nameof(IDashboardClient.LobbyChanged) when View == DashboardView.Lobby:
                    Lobby = payload.Deserialize<LobbyView>(Json);
                    break;
                case nameof(IDashboardClient.ManagerChanged) when View == DashboardView.Manager:
                    Manager = payload.Deserialize<ManagerView>(Json);
                    break;
                default:
                    Assert.Fail($"A {View} client got {method}: a group received another view's payload.");
                    break;
            }

            SetVersion(date, version);
            return true;
        }
    }

    private void SetVersion(DateOnly date, long version)
    {
        Date = date;
        Version = version;
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        await _connection.DisposeAsync();
        await _pump;
    }
}
