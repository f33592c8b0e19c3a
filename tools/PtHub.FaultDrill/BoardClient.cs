using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PtHub.FaultDrill;

/// <summary>
/// A front-desk board screen over the real SignalR .NET client, WebSockets only with the negotiate step skipped
/// (as the screens connect, so no sticky sessions are needed). It follows docs/live-protocol.md: subscribe, take
/// the snapshot, apply BoardChanged deltas of exactly the next version, and on a gap, another date or a reconnect
/// take a fresh snapshot. When its connection drops it connects to the next node (the one it had last) and
/// resubscribes. It records what the drill checks: the order of pushes, resyncs, reconnects and their times.
/// </summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly Channel<Message> _inbox = Channel.CreateUnbounded<Message>();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _rows = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Uri> _urls;
    private readonly Stopwatch _clock;
    private readonly CancellationTokenSource _stopping = new();
    private HubConnection? _connection;
    private int _generation;
    private long _lastRaw = -1;
    private DateOnly _lastRawDate;
    private Task _pump = Task.CompletedTask;
    private readonly System.Net.CookieContainer _cookies;

    public BoardClient(int number, string clinicId, int homeNode, IReadOnlyList<Uri> urls, Stopwatch clock, System.Net.CookieContainer cookies)
    {
        Number = number;
        ClinicId = clinicId;
        HomeNode = homeNode;
        Node = homeNode;
        _urls = urls;
        _clock = clock;
        _cookies = cookies;
    }

    public int Number { get; }

    public string ClinicId { get; }

    /// <summary>The node this client first connected to.</summary>
    public int HomeNode { get; }

    /// <summary>The node it is connected to now.</summary>
    public int Node { get; private set; }

    public long Version { get; private set; }

    public DateOnly Date { get; private set; }

    public bool Connected { get; private set; }

    public int Pushes { get; private set; }

    public int Applied { get; private set; }

    public int Duplicates { get; private set; }

    /// <summary>Pushes whose version was below one already pushed on the same connection: delivered out of order.</summary>
    public int OutOfOrder { get; private set; }

    /// <summary>Snapshots older than the state already held: the screen would have gone back in time.</summary>
    public int Backwards { get; private set; }

    /// <summary>Gaps within one activation epoch (pushes lost) and epoch jumps (the clinic-day grain was re-activated).</summary>
    public int SameEpochGaps { get; private set; }

    public int EpochJumps { get; private set; }

    public int Resyncs { get; private set; }

    public List<double> DisconnectedAt { get; } = [];

    /// <summary>When the client held a fresh snapshot again after each disconnection.</summary>
    public List<double> ResyncedAfterReconnectAt { get; } = [];

    public List<double> PushTimes { get; } = [];

    /// <summary>When the client first held a version of a new activation epoch (a resync after the day grain moved).</summary>
    public List<double> EpochChangedAt { get; } = [];

    public List<string> Errors { get; } = [];

    private double Now => _clock.Elapsed.TotalSeconds;

    public IReadOnlyDictionary<string, string> Rows
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_rows, StringComparer.Ordinal);
            }
        }
    }

    public (long Version, IReadOnlyDictionary<string, string> Rows) State
    {
        get
        {
            lock (_gate)
            {
                return (Version, new Dictionary<string, string>(_rows, StringComparer.Ordinal));
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(Node, cancellationToken);
        await SnapshotAsync(cancellationToken);
        _pump = PumpAsync(_stopping.Token);
    }

    private async Task ConnectAsync(int node, CancellationToken cancellationToken)
    {
        var generation = ++_generation;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_urls[node], "hubs/dashboard"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies = _cookies;
            })
            .Build();
        connection.On<JsonElement>("BoardChanged", payload => _inbox.Writer.TryWrite(new Message(generation, payload, false)));
        connection.Closed += _ =>
        {
            _inbox.Writer.TryWrite(new Message(generation, default, true));
            return Task.CompletedTask;
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await connection.StartAsync(timeout.Token);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        if (_connection is { } old)
        {
            _ = old.DisposeAsync().AsTask();
        }

        lock (_gate)
        {
            _connection = connection;
            _lastRaw = -1;
            Node = node;
            Connected = true;
        }
    }

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var board = await _connection!.InvokeAsync<JsonElement>("SubscribeBoard", ClinicId, timeout.Token);
        var date = ParseDate(board);
        var version = board.GetProperty("version").GetInt64();
        lock (_gate)
        {
            if (date == Date && version < Version)
            {
                Backwards++;
                Errors.Add($"snapshot v{version} older than held v{Version}");
            }

            NoteEpoch(version);
            _rows.Clear();
            foreach (var row in board.GetProperty("rows").EnumerateArray())
            {
                _rows[row.GetProperty("visitId").GetString()!] = Canonical.Json(row);
            }

            Date = date;
            Version = version;
        }
    }

    private async Task PumpAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var message in _inbox.Reader.ReadAllAsync(stopping))
            {
                if (message.Generation != _generation)
                {
                    continue; // from a connection already replaced
                }

                if (message.Closed)
                {
                    await FailOverAsync(stopping);
                    continue;
                }

                if (!Apply(message.Payload))
                {
                    await ResyncAsync(stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ResyncAsync(CancellationToken stopping)
    {
        lock (_gate)
        {
            Resyncs++;
        }

        try
        {
            await SnapshotAsync(stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // The node may be going down; its Closed event follows, or the next gap tries again.
            lock (_gate)
            {
                Errors.Add($"resync failed on node {Node + 1}: {ex.GetBaseException().Message}");
            }
        }
    }

    /// <summary>The connection dropped: connect to the next node (ending with the same one) and take a snapshot.</summary>
    private async Task FailOverAsync(CancellationToken stopping)
    {
        lock (_gate)
        {
            Connected = false;
            DisconnectedAt.Add(Now);
        }

        for (var round = 0; round < 60 && !stopping.IsCancellationRequested; round++)
        {
            for (var i = 1; i <= _urls.Count; i++)
            {
                var node = (Node + i) % _urls.Count;
                try
                {
                    await ConnectAsync(node, stopping);
                    await SnapshotAsync(stopping);
                    lock (_gate)
                    {
                        Resyncs++;
                        ResyncedAfterReconnectAt.Add(Now);
                    }

                    return;
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    lock (_gate)
                    {
                        Errors.Add($"reconnect to node {node + 1} failed: {ex.GetBaseException().Message}");
                    }
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stopping);
        }
    }

    /// <summary>False when the push cannot be applied (a gap or another date): the caller takes a snapshot.</summary>
    private bool Apply(JsonElement payload)
    {
        var date = ParseDate(payload);
        var version = payload.GetProperty("version").GetInt64();
        lock (_gate)
        {
            Pushes++;
            PushTimes.Add(Now);
            if (date == _lastRawDate && version < _lastRaw)
            {
                OutOfOrder++;
                Errors.Add($"push v{version} after v{_lastRaw} on the same connection");
            }

            _lastRaw = Math.Max(_lastRaw, version);
            _lastRawDate = date;
            if (date == Date && version <= Version)
            {
                Duplicates++;
                return true;
            }

            if (date != Date || version != Version + 1)
            {
                if (date == Date && version >> 32 == Version >> 32)
                {
                    SameEpochGaps++;
                }
                else
                {
                    EpochJumps++;
                }

                return false;
            }

            foreach (var row in payload.GetProperty("upserts").EnumerateArray())
            {
                _rows[row.GetProperty("visitId").GetString()!] = Canonical.Json(row);
            }

            foreach (var removed in payload.GetProperty("removed").EnumerateArray())
            {
                _rows.Remove(removed.GetString()!);
            }

            Version = version;
            Applied++;
            return true;
        }
    }

    private void NoteEpoch(long version)
    {
        if (Version != 0 && version >> 32 != Version >> 32)
        {
            EpochChangedAt.Add(Now);
        }
    }

    private static DateOnly ParseDate(JsonElement payload) =>
        DateOnly.Parse(payload.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _inbox.Writer.TryComplete();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private readonly record struct Message(int Generation, JsonElement Payload, bool Closed);
}
