using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace PtHub.Bench;

/// <summary>One screen a worker connects: its index in the layout, what it listens to, and how it subscribes.</summary>
/// <param name="Timed">A board screen: its messages carry the keys that end latency samples.</param>
internal sealed record WorkerScreen(int Id, string Listen, string Subscribe, string Argument, bool Timed);

/// <summary>What the parent tells a worker, as the first line on its standard input.</summary>
/// <param name="Keys">"upserts": a timed message's keys are its upserts' visitId/status; "seq": its sequence number.</param>
/// <param name="Cookie">The Cookie header the node's sign-in set (empty for the raw floor).</param>
internal sealed record WorkerAssignment(string Hub, string Cookie, string Keys, int ConnectConcurrency, IReadOnlyList<WorkerScreen> Screens);

/// <summary>
/// The screen-client process (<c>PtHub.Bench --screens-worker</c>): connects its share of the screens with the real
/// SignalR client over WebSockets, then writes one line per message received to standard output:
/// <c>m &lt;screen&gt; &lt;Stopwatch timestamp&gt; &lt;payload bytes&gt; [key …]</c>. Also answers <c>clock</c> on standard
/// input with <c>c &lt;timestamp&gt;</c> (the parent checks the two processes share a clock) and writes <c>r &lt;count&gt;</c>
/// once every screen is subscribed. It stops when its standard input ends: the parent closed it, or died.
/// </summary>
internal static class ScreenWorker
{
    public const string Flag = "--screens-worker";

    private static readonly JsonSerializerOptions HubJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync()
    {
        var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteLinesAsync(lines.Reader, output);
        if (await input.ReadLineAsync() is not { } first || JsonSerializer.Deserialize<WorkerAssignment>(first, JsonSerializerOptions.Web) is not { } job)
        {
            await Console.Error.WriteLineAsync("screens worker: no assignment on standard input");
            return 2;
        }

        var hub = new Uri(job.Hub);
        var connections = new HubConnection[job.Screens.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, connections.Length),
            new ParallelOptions { MaxDegreeOfParallelism = job.ConnectConcurrency }, async (i, ct) =>
            {
                var screen = job.Screens[i];
                var connection = new HubConnectionBuilder()
                    .WithUrl(hub, HttpTransportType.WebSockets, o =>
                    {
                        o.SkipNegotiation = true;
                        if (job.Cookie.Length > 0)
                        {
                            o.Headers["Cookie"] = job.Cookie;
                        }
                    })
                    .AddJsonProtocol(o => o.PayloadSerializerOptions = HubJson)
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(5);
                connection.On<JsonElement>(screen.Listen, payload => lines.Writer.TryWrite(Line(screen, job.Keys, payload)));
                await connection.StartAsync(ct);
                await connection.InvokeCoreAsync(screen.Subscribe, typeof(JsonElement?), new object?[] { screen.Argument }, ct);
                connections[i] = connection;
            });
        lines.Writer.TryWrite($"r {connections.Length}");

        while (await input.ReadLineAsync() is { } command)
        {
            if (command == "clock")
            {
                lines.Writer.TryWrite($"c {Stopwatch.GetTimestamp()}");
            }
        }

        // Standard input ended: close the connections (bounded, the node may already be gone) and exit.
        await Task.WhenAny(Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask())), Task.Delay(TimeSpan.FromSeconds(20)));
        lines.Writer.TryComplete();
        await writer;
        return 0;
    }

    /// <summary>The report of one message; the timestamp is taken first, before any parsing.</summary>
    private static string Line(WorkerScreen screen, string keys, JsonElement payload)
    {
        var received = Stopwatch.GetTimestamp();
        var text = new StringBuilder(64).Append("m ").Append(screen.Id).Append(' ').Append(received).Append(' ')
            .Append(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(payload).Length);
        if (!screen.Timed)
        {
            return text.ToString();
        }

        if (keys == "seq")
        {
            if (payload.GetProperty("seq").GetInt64() is var seq and >= 0)
            {
                text.Append(' ').Append(seq);
            }
        }
        else if (payload.TryGetProperty("upserts", out var upserts))
        {
            foreach (var row in upserts.EnumerateArray())
            {
                text.Append(' ').Append(row.GetProperty("visitId").GetString()).Append('/').Append(row.GetProperty("status").GetString());
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the lines as they come, flushing whenever none is waiting.</summary>
    private static async Task WriteLinesAsync(ChannelReader<string> lines, StreamWriter output)
    {
        while (await lines.WaitToReadAsync())
        {
            while (lines.TryRead(out var line))
            {
                await output.WriteLineAsync(line);
            }

            await output.FlushAsync();
        }
    }
}
