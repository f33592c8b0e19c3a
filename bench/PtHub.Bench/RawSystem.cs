using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PtHub.Bench;

/// <summary>The floor's hub: no grains, no storage; a screen only joins its group.</summary>
public sealed class RawHub : Hub
{
    public const string Path = "/hubs/raw";

    public const string Method = "Push";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
}

/// <summary>What the floor broadcasts: a sequence number (-1 when nobody times it) and padding up to the wanted size.</summary>
public sealed record RawPush(long Seq, string Pad);

/// <summary>
/// The floor: a minimal ASP.NET Core app in this process with a trivial hub, the same screens in the same groups
/// (one per clinic and view) over the same client from as many child processes, and the server broadcasting PtHub-sized payloads to the groups.
/// </summary>
internal sealed class RawSystem : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BenchOptions _options;
    private readonly ClientLayout _layout;
    private readonly IHubContext<RawHub> _hub;
    private ScreenProcesses? _screens;
    private readonly ViewCounters _counters = new();
    private readonly Dictionary<int, string> _pads = [];
    private long[] _sentAt = [];
    private RoundTally? _tally;

    private RawSystem(WebApplication app, Uri address, BenchOptions options, ClientLayout layout)
    {
        _app = app;
        Address = address;
        _options = options;
        _layout = layout;
        _hub = app.Services.GetRequiredService<IHubContext<RawHub>>();
    }

    public Uri Address { get; }

    /// <summary>The screens' processes (null before <see cref="ConnectAsync"/>).</summary>
    public ScreenProcesses? Screens => _screens;

    public static async Task<RawSystem> StartAsync(BenchOptions options, ClientLayout layout)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<RawHub>(RawHub.Path);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RawSystem(app, new Uri(address), options, layout);
    }

    public static string Group(int clinic, View view) => $"c{clinic}:{view}";

    /// <summary>Connects the same screens into their groups, from as many child processes as PtHub's.</summary>
    public async Task ConnectAsync() =>
        _screens = await ScreenProcesses.StartAsync("raw", _options.ScreenProcesses, _layout, new Uri(Address, RawHub.Path),
            cookie: "", "seq", _options.ConnectConcurrency,
            (i, spec) => new WorkerScreen(i, RawHub.Method, nameof(RawHub.Join), Group(spec.Clinic, spec.View), Timed: spec.View == View.Board),
            OnPush);

    /// <summary>
    /// Broadcasts <paramref name="commands"/> times, paced at <paramref name="rate"/> per second with
    /// <see cref="BenchOptions.Concurrency"/> senders: each time one board message of the board size to a clinic's
    /// board group (timed at every board screen), and untimed board, lobby and manager messages of their sizes to the
    /// clinic's groups as often per command as PtHub sent them (ticks and lobby/manager changes).
    /// </summary>
    public async Task<RoundTally> RunRoundAsync(int commands, double rate, Shape shape)
    {
        var tally = new RoundTally(commands * _layout.MaxBoardClientsPerClinic, 0, timeCommands: false, _counters);
        _sentAt = new long[commands];
        var boardPad = Pad(shape.BoardBytes);
        var lobbyPad = Pad(shape.LobbyBytes);
        var managerPad = Pad(shape.ManagerBytes);
        _tally = tally;
        tally.Start();
        var next = -1;
        var workers = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < commands; i = Interlocked.Increment(ref next))
            {
                tally.NextCommand();
                await tally.PaceAsync(i, rate);
                var clinic = i / Step.Cycle.Count % _layout.Clinics;
                _sentAt[i] = Stopwatch.GetTimestamp();
                await _hub.Clients.Group(Group(clinic, View.Board)).SendAsync(RawHub.Method, new RawPush(i, boardPad));
                tally.Accept(_layout.BoardClients(clinic));
                for (var n = Due(i, shape.ExtraBoardPerCommand); n > 0; n--)
                {
                    await _hub.Clients.Group(Group(clinic, View.Board)).SendAsync(RawHub.Method, new RawPush(-1, boardPad));
                }

                for (var n = Due(i, shape.LobbyPerCommand); n > 0; n--)
                {
                    await _hub.Clients.Group(Group(clinic, View.Lobby)).SendAsync(RawHub.Method, new RawPush(-1, lobbyPad));
                }

                for (var n = Due(i, shape.ManagerPerCommand); n > 0; n--)
                {
                    await _hub.Clients.Group(Group(clinic, View.Manager)).SendAsync(RawHub.Method, new RawPush(-1, managerPad));
                }
            }
        }));
        await Task.WhenAll(workers);
        tally.Stop();
        await tally.DrainAsync(TimeSpan.FromSeconds(_options.DrainSeconds));
        _tally = null;
        return tally;
    }

    /// <summary>How many messages the i-th command carries of a kind sent <paramref name="perCommand"/> times per command on average.</summary>
    private static int Due(int i, double perCommand) => (int)(Math.Floor((i + 1) * perCommand) - Math.Floor(i * perCommand));

    /// <summary>A screen got a push (in its process, at <paramref name="received"/>); a board screen's key is the push's sequence number.</summary>
    private void OnPush(ClientSpec spec, long received, int bytes, string[] seq)
    {
        _counters.Add(spec.View, bytes);
        if (seq.Length == 1 && _tally is { } tally)
        {
            tally.Latencies.Add(_sentAt[long.Parse(seq[0])], received);
        }
    }

    /// <summary>Padding so that <c>{"seq":1234,"pad":"…"}</c> is about <paramref name="bytes"/> long.</summary>
    private string Pad(double bytes)
    {
        var length = Math.Max(0, (int)Math.Round(bytes) - """{"seq":1234,"pad":""}""".Length);
        if (!_pads.TryGetValue(length, out var pad))
        {
            _pads[length] = pad = new string('x', length);
        }

        return pad;
    }

    public async ValueTask DisposeAsync()
    {
        if (_screens is not null)
        {
            await _screens.DisposeAsync();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The traffic a PtHub round produced, which the floor reproduces: message sizes and messages per command of each view.</summary>
internal sealed record Shape(double BoardBytes, double LobbyBytes, double ManagerBytes,
    double ExtraBoardPerCommand, double LobbyPerCommand, double ManagerPerCommand)
{
    public static Shape Of(RoundResult pthub) => new(
        pthub.Board.AverageBytes, pthub.Lobby.AverageBytes, pthub.Manager.AverageBytes,
        Math.Max(0, pthub.Board.PerCommand - 1), pthub.Lobby.PerCommand, pthub.Manager.PerCommand);
}
