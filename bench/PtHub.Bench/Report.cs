using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PtHub.Bench;

/// <summary>One system over the measured rounds: medians of the rounds' figures.</summary>
internal sealed record SystemSummary(
    string System,
    double P50,
    double P95,
    double P99,
    double Max,
    double CommandsPerSecond,
    double? CommandP50,
    double? CommandP99,
    double? ForwardP50,
    double? ForwardP99,
    double? WrittenP50,
    double? WrittenP99,
    double BoardBytes,
    double LobbyBytes,
    double ManagerBytes,
    double BoardPerCommand,
    double LobbyPerCommand,
    double ManagerPerCommand,
    int Samples,
    int Missed,
    int Refused,
    double CpuCores,
    long GcHeapBytes,
    long WorkingSetBytes);

/// <summary>PtHub over raw, from the medians (and the median of the per-round ratios, which pairs adjacent rounds).</summary>
internal sealed record Ratios(double P50, double P95, double P99, double RoundP50, double RoundP95, double RoundP99);

internal sealed record Machine(int Cores, string Os, string Runtime, bool ServerGc);

internal sealed record Summary(
    DateTimeOffset Date,
    Machine Machine,
    BenchOptions Options,
    int BoardScreens,
    int LobbyScreens,
    int ManagerScreens,
    SystemSummary PtHub,
    SystemSummary Raw,
    Ratios Ratio,
    ProcessSample MemoryAtStart,
    ProcessSample MemoryWithPtHubScreens,
    ProcessSample MemoryWithAllScreens,
    IReadOnlyList<RoundResult> Rounds)
{
    public string Storage { get; init; } = "sqlite";

    /// <summary>The node's GC heap per active clinic-day (with its visits and patients), before any screen connects.</summary>
    public double HeapPerClinicDayBytes { get; init; }

    public double VisitsPerClinic { get; init; }

    /// <summary>PostgreSQL only: single-row inserts per second at the bench's concurrency, the storage's own limit.</summary>
    public double? RawInsertsPerSecond { get; init; }
}

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Summary Summarize(BenchOptions options, ClientLayout layout, IReadOnlyList<RoundResult> rounds,
        ProcessSample start, ProcessSample withPtHub, ProcessSample withAll)
    {
        var pthub = Of("pthub", rounds.Where(r => r.System == "pthub").ToList());
        var raw = Of("raw", rounds.Where(r => r.System == "raw").ToList());
        var pairs = rounds.Where(r => r.System == "pthub")
            .Join(rounds.Where(r => r.System == "raw"), p => p.Round, r => r.Round, (p, r) => (P: p, R: r)).ToList();
        var ratio = new Ratios(
            Ratio(pthub.P50, raw.P50), Ratio(pthub.P95, raw.P95), Ratio(pthub.P99, raw.P99),
            Math.Round(Stats.Median(pairs.Select(x => x.P.P50 / x.R.P50)), 2),
            Math.Round(Stats.Median(pairs.Select(x => x.P.P95 / x.R.P95)), 2),
            Math.Round(Stats.Median(pairs.Select(x => x.P.P99 / x.R.P99)), 2));
        return new Summary(DateTimeOffset.Now, new Machine(Environment.ProcessorCount, RuntimeInformation.OSDescription,
                RuntimeInformation.FrameworkDescription, System.Runtime.GCSettings.IsServerGC),
            options, layout.Count(View.Board), layout.Count(View.Lobby), layout.Count(View.Manager),
            pthub, raw, ratio, start, withPtHub, withAll, rounds);
    }

    private static SystemSummary Of(string system, IReadOnlyList<RoundResult> rounds)
    {
        double Median(Func<RoundResult, double> f) => Math.Round(Stats.Median(rounds.Select(f)), 3);
        double? MedianOrNull(Func<RoundResult, double?> f) => rounds.Any(r => f(r) is not null) ? Median(r => f(r) ?? double.NaN) : null;
        return new SystemSummary(system,
            Median(r => r.P50), Median(r => r.P95), Median(r => r.P99), Median(r => r.Max),
            Median(r => r.CommandsPerSecond), MedianOrNull(r => r.CommandP50), MedianOrNull(r => r.CommandP99),
            MedianOrNull(r => r.ForwardP50), MedianOrNull(r => r.ForwardP99),
            MedianOrNull(r => r.WrittenP50), MedianOrNull(r => r.WrittenP99),
            Median(r => r.Board.AverageBytes), Median(r => r.Lobby.AverageBytes), Median(r => r.Manager.AverageBytes),
            Median(r => r.Board.PerCommand), Median(r => r.Lobby.PerCommand), Median(r => r.Manager.PerCommand),
            rounds.Sum(r => r.Samples), rounds.Sum(r => r.Missed), rounds.Sum(r => r.Refused),
            Median(r => r.CpuCores), (long)Median(r => r.GcHeapBytes), (long)Median(r => r.WorkingSetBytes));
    }

    private static double Ratio(double a, double b) => Math.Round(a / b, 2);

    public static string Mb(long bytes) => $"{bytes / 1048576.0:0} MB";

    public static string Brief(RoundResult r) =>
        $"p50 {r.P50:0.00} ms, p95 {r.P95:0.00} ms, p99 {r.P99:0.00} ms, {r.CommandsPerSecond:0.0} cmd/s, " +
        $"{r.Samples}/{r.ExpectedSamples} samples, refused {r.Refused}, board msg {r.Board.AverageBytes:0} B, CPU {r.CpuCores:0.00} cores";

    public static void Print(Summary s)
    {
        var o = s.Options;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Live push, {s.Date:yyyy-MM-dd HH:mm zzz}, {s.Machine.Cores} cores, {s.Machine.Runtime}, server GC {s.Machine.ServerGc}");
        text.AppendLine($"{o.Clients} screens over {o.Clinics} clinics ({s.BoardScreens} board, {s.LobbyScreens} lobby, {s.ManagerScreens} manager), " +
            $"{o.VisitsPerRound * Step.Cycle.Count} commands per round, {o.Rounds} rounds alternating PtHub/raw, concurrency {o.Concurrency}, " +
            (o.Rate > 0 ? $"both paced at {o.Rate} cmd/s" : "PtHub closed-loop, raw paced at PtHub's rate"));
        text.AppendLine("Event -> board screen latency in ms: median over the rounds of each round's percentile");
        text.AppendLine();
        text.AppendLine($"{"",-16}{"p50",9}{"p95",9}{"p99",9}{"max",9}{"cmd/s",9}{"samples",9}{"missed",8}{"refused",8}{"CPU",6}");
        foreach (var x in new[] { s.PtHub, s.Raw })
        {
            text.AppendLine($"{(x.System == "pthub" ? "PtHub" : "raw SignalR"),-16}{x.P50,9:0.00}{x.P95,9:0.00}{x.P99,9:0.00}{x.Max,9:0.0}" +
                $"{x.CommandsPerSecond,9:0.0}{x.Samples,9}{x.Missed,8}{x.Refused,8}{x.CpuCores,6:0.00}");
        }

        text.AppendLine($"{"PtHub / raw",-16}{s.Ratio.P50,8:0.0}x{s.Ratio.P95,8:0.0}x{s.Ratio.P99,8:0.0}x   " +
            $"(median of per-round ratios: {s.Ratio.RoundP50:0.0}x / {s.Ratio.RoundP95:0.0}x / {s.Ratio.RoundP99:0.0}x)");
        text.AppendLine();
        text.AppendLine("PtHub, where the time goes (ms from sending the command; medians over the rounds):");
        text.AppendLine($"  REST answer received                         p50 {s.PtHub.CommandP50,7:0.00}   p99 {s.PtHub.CommandP99,7:0.00}");
        text.AppendLine($"  bridge hands the board delta to SignalR      p50 {s.PtHub.ForwardP50,7:0.00}   p99 {s.PtHub.ForwardP99,7:0.00}");
        text.AppendLine($"  SignalR has written it to the group's pipes  p50 {s.PtHub.WrittenP50,7:0.00}   p99 {s.PtHub.WrittenP99,7:0.00}");
        text.AppendLine($"  board screen receives it                     p50 {s.PtHub.P50,7:0.00}   p99 {s.PtHub.P99,7:0.00}");
        text.AppendLine("Pushed JSON payload, average bytes (group messages per command):");
        foreach (var x in new[] { s.PtHub, s.Raw })
        {
            text.AppendLine($"  {(x.System == "pthub" ? "PtHub" : "raw"),-6} board {x.BoardBytes,7:0} ({x.BoardPerCommand:0.00})   " +
                $"lobby {x.LobbyBytes,7:0} ({x.LobbyPerCommand:0.00})   manager {x.ManagerBytes,7:0} ({x.ManagerPerCommand:0.00})");
        }

        text.AppendLine($"Storage: {s.Storage}. Node GC heap per active clinic-day ({s.VisitsPerClinic:0.0} visits each, before screens): {s.HeapPerClinicDayBytes / 1024:0.0} KB");
        if (s.RawInsertsPerSecond is { } inserts)
        {
            text.AppendLine($"Raw PostgreSQL single-row inserts on {o.Concurrency} connections: {inserts:0}/s; PtHub accepted commands/s / raw inserts/s = {s.PtHub.CommandsPerSecond / inserts:0.00}");
        }

        text.AppendLine($"Bench process memory (node, raw floor server and the command drivers; the screens run in {o.ScreenProcesses} child processes per system), GC heap / working set:");
        text.AppendLine($"  at start {Mb(s.MemoryAtStart.GcHeapBytes)} / {Mb(s.MemoryAtStart.WorkingSetBytes)};  " +
            $"PtHub + {o.Clients} screens {Mb(s.MemoryWithPtHubScreens.GcHeapBytes)} / {Mb(s.MemoryWithPtHubScreens.WorkingSetBytes)};  " +
            $"+ raw + {o.Clients} screens {Mb(s.MemoryWithAllScreens.GcHeapBytes)} / {Mb(s.MemoryWithAllScreens.WorkingSetBytes)}");
        text.AppendLine($"  after PtHub rounds {Mb(s.PtHub.GcHeapBytes)} / {Mb(s.PtHub.WorkingSetBytes)};  " +
            $"after raw rounds {Mb(s.Raw.GcHeapBytes)} / {Mb(s.Raw.WorkingSetBytes)}");
        text.AppendLine();
        text.AppendLine($"{"round",-6}{"system",-8}{"p50",9}{"p95",9}{"p99",9}{"max",9}{"cmd/s",9}{"s",7}{"missed",8}{"gen0/1/2",11}{"CPU",6}{"threads",8}{"queue",7}");
        foreach (var r in s.Rounds)
        {
            text.AppendLine($"{r.Round,-6}{r.System,-8}{r.P50,9:0.00}{r.P95,9:0.00}{r.P99,9:0.00}{r.Max,9:0.0}{r.CommandsPerSecond,9:0.0}" +
                $"{r.Seconds,7:0.0}{r.Missed,8}{$"{r.Gen0}/{r.Gen1}/{r.Gen2}",11}{r.CpuCores,6:0.00}{r.ThreadPoolThreadsMax,8}{r.ThreadPoolQueueMax,7}");
        }

        text.AppendLine();
        text.AppendLine("PtHub by command (median over rounds), ms:  push p50 / p99   REST answer p50 / p99");
        foreach (var (action, i) in Step.Cycle.Select((step, i) => (step.Action, i)))
        {
            var steps = s.Rounds.Where(r => r.Steps is not null).Select(r => r.Steps![i]).ToList();
            text.AppendLine($"  {action,-10}{Stats.Median(steps.Select(x => x.P50)),10:0.00}{Stats.Median(steps.Select(x => x.P99)),9:0.00}" +
                $"{Stats.Median(steps.Select(x => x.CommandP50)),15:0.00}{Stats.Median(steps.Select(x => x.CommandP99)),9:0.00}");
        }

        Console.Write(text.ToString());
    }

    public static async Task WriteJsonAsync(string path, Summary summary)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, summary, Json);
    }
}
