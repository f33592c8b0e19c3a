using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Bench.Memory;
using PtHub.Harness;

// Memory per active clinic-day (issue 18): the node's managed heap with N clinic-days of 40, 100 and 150 visits made
// through its REST API, against the same node emptied of activations just before, in the same process and run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<MemoryBenchOptions>() ?? new MemoryBenchOptions();
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {line}");

var (app, address, directory, admin) = await EmbeddedNode.StartAsync("pthub-bench-memory",
[
    // The day's clock tick and the keep-today reminder would re-activate deactivated clinic-days between measurements.
    "--PtHub:LiveTickSeconds=3600",
    "--PtHub:KeeperSeconds=3600",
    $"--PtHub:Activations:ShortLivedIdle={options.ShortLivedIdle:c}",
    $"--PtHub:Activations:CollectionQuantum={options.CollectionQuantum:c}",
]);
using var http = new HttpClient(new HttpClientHandler { CookieContainer = admin }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
var node = new NodeHeap(app.Services.GetRequiredService<IGrainFactory>());
var results = new List<Point>();
try
{
    var emptyNode = NodeHeap.Bytes();
    Log($"empty node: {emptyNode / 1024.0 / 1024:0.0} MB of managed heap; {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, "
        + $"load average {LoadAverage()}; {options.Clinics} clinic-days per measurement, sizes {options.Sizes}, {options.Runs} runs");

    // Warm-up (JIT, pools, first-use caches of the node), not counted.
    await MeasureAsync("warm", 0, Math.Min(2, options.Clinics), options.VisitCounts[0]);
    for (var run = 1; run <= options.Runs; run++)
    {
        foreach (var visits in options.VisitCounts)
        {
            results.Add(await MeasureAsync($"r{run}", run, options.Clinics, visits));
        }
    }

    Report(emptyNode);
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // A temporary folder; leaving it behind is harmless.
    }
}

async Task<Point> MeasureAsync(string tag, int run, int clinics, int visits)
{
    var before = NodeHeap.Bytes();
    var ids = Enumerable.Range(0, clinics).Select(c => $"mem-{tag}-v{visits}-{c:00}").ToArray();
    var days = new ClinicDays(http, options.Concurrency);
    var made = Stopwatch.StartNew();
    await days.MakeAsync(ids, visits);
    var makeSeconds = made.Elapsed.TotalSeconds;
    var resident = NodeHeap.Bytes();
    var residentActivations = await node.ActivationsAsync();
    var waited = await node.SettleAsync(options.SettleLimit, options.ShortLivedIdle + 2 * options.CollectionQuantum + TimeSpan.FromSeconds(5));
    var settled = NodeHeap.Bytes();
    var settledActivations = await node.ActivationsAsync();
    var point = new Point(run, visits, clinics, before, resident, settled, waited.TotalSeconds, days.Made, residentActivations, settledActivations);
    Log($"{tag} {visits} visits x {clinics} clinics made in {makeSeconds:0.0} s ({string.Join(", ", days.Made.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value}"))}): "
        + $"{point.ResidentPerDayKb:0.0} KB per day with every activation, {point.SettledPerDayKb:0.0} KB after {waited.TotalSeconds:0} s idle; "
        + $"visit/patient activations {Count(residentActivations, "VisitGrain")}/{Count(residentActivations, "PatientGrain")} -> "
        + $"{Count(settledActivations, "VisitGrain")}/{Count(settledActivations, "PatientGrain")}");

    // Empty the node again for the next measurement: every activation goes, as after a long idle time.
    await node.DeactivateAllAsync();
    for (var i = 0; i < 120 && (await node.ActivationsAsync()).Where(a => a.Key.StartsWith("ClinicDay", StringComparison.Ordinal) || a.Key is "VisitGrain" or "PatientGrain").Sum(a => a.Value) > 0; i++)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
    }

    return point;
}

void Report(long emptyNode)
{
    Console.WriteLine();
    Console.WriteLine($"Managed heap per active clinic-day, median of {options.Runs} runs ({options.Clinics} clinic-days each), KB:");
    Console.WriteLine("visits   every activation   per visit      idle ones collected   per visit    activations per day (all -> idle collected)");
    foreach (var group in results.GroupBy(p => p.Visits))
    {
        var resident = Median(group.Select(p => p.ResidentPerDayKb));
        var settled = Median(group.Select(p => p.SettledPerDayKb));
        var all = Median(group.Select(p => p.ResidentActivationsPerDay));
        var left = Median(group.Select(p => p.SettledActivationsPerDay));
        Console.WriteLine($"{group.Key,6} {resident,18:0.0} {resident / group.Key,11:0.00} {settled,21:0.0} {settled / group.Key,11:0.00}    {all,8:0.0} -> {left:0.0}");
    }

    if (results.Count == 0)
    {
        return;
    }

    var drift = results.Select(p => (p.HeapBefore - emptyNode) / 1024.0 / 1024).ToArray();
    Console.WriteLine($"Baseline: the empty node, {emptyNode / 1024.0 / 1024:0.0} MB at start; before each measurement (all activations gone) "
        + $"{drift.Min():+0.0;-0.0} to {drift.Max():+0.0;-0.0} MB from it. Load average now {LoadAverage()}.");
    if (results.Count > 0 && results[^1].SettledActivations is { } last)
    {
        Console.WriteLine("Activations left per grain class after the idle ones went (last measurement): "
            + string.Join(", ", last.Where(a => a.Value > 0).OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value}")));
    }

    var path = Path.GetFullPath(options.Json);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, JsonSerializer.Serialize(new { at = DateTimeOffset.UtcNow, options.Clinics, options.Sizes, options.Runs, emptyNodeBytes = emptyNode, points = results },
        new JsonSerializerOptions { WriteIndented = true }));
    Log($"results written to {path}");
}

static int Count(Dictionary<string, int> activations, string grain) => activations.GetValueOrDefault(grain);

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

/// <summary>One measurement: heap before (node emptied), with the days active, and once their idle activations went.</summary>
internal sealed record Point(int Run, int Visits, int Clinics, long HeapBefore, long HeapResident, long HeapSettled, double SettleSeconds,
    Dictionary<string, int> Made, Dictionary<string, int> ResidentActivations, Dictionary<string, int> SettledActivations)
{
    public double ResidentPerDayKb => (HeapResident - HeapBefore) / 1024.0 / Clinics;

    public double SettledPerDayKb => (HeapSettled - HeapBefore) / 1024.0 / Clinics;

    public double ResidentActivationsPerDay => ResidentActivations.Values.Sum() / (double)Clinics;

    public double SettledActivationsPerDay => SettledActivations.Values.Sum() / (double)Clinics;
}
