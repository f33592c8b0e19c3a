using System.Globalization;
using PtHub.Bench;

// Live-push benchmark (issue 3): event-to-screen latency of PtHub against a raw SignalR broadcast floor, same run.
// The screens of both systems run in child processes of this executable (issue 18), started with ScreenWorker.Flag.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is [ScreenWorker.Flag])
{
    return await ScreenWorker.RunAsync();
}

if (BenchOptions.Parse(args) is not { } options)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

if (options.MinThreads > 0)
{
    ThreadPool.GetMinThreads(out _, out var io);
    ThreadPool.SetMinThreads(options.MinThreads, Math.Max(io, options.MinThreads));
}

var layout = ClientLayout.Create(options.Clinics, options.Clients);
Log.Line($"live-push bench: {options.Clients} screens over {options.Clinics} clinics " +
    $"({layout.Count(View.Board)} board, {layout.Count(View.Lobby)} lobby, {layout.Count(View.Manager)} manager), " +
    $"{options.VisitsPerRound * Step.Cycle.Count} commands x {options.Rounds} rounds, concurrency {options.Concurrency}, " +
    (options.Rate > 0 ? $"paced at {options.Rate} commands/s" : "PtHub closed-loop, raw paced at PtHub's rate") +
    $"; {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");

var startSample = ProcessSample.Take();
await using var database = options.Postgres is { } server ? await BenchDatabase.CreateAsync(server) : null;
await using var pthub = await PtHubSystem.StartAsync(options, layout, database?.ConnectionString);
Log.Line($"PtHub node up at {pthub.Address} on {(database is null ? "SQLite (embedded)" : "PostgreSQL")}");

// Memory per active clinic-day: the node's GC heap, after full collections, before the clinics exist and once each
// has its day active (configuration, rooms, therapists, patients, visits, the day's views), before any screen connects.
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var visitsNeeded = options.WarmupVisits + options.Rounds * options.VisitsPerRound;
var visits = await pthub.SetUpAsync(visitsNeeded);
await pthub.ActivateDaysAsync();
var perClinicDay = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / (double)options.Clinics;
Log.Line($"PtHub: {options.Clinics} clinic-days active, {perClinicDay / 1024:0.0} KB of GC heap each ({(double)visitsNeeded / options.Clinics:0.0} visits per clinic)");
await pthub.ConnectAsync();
var pthubConnected = ProcessSample.Take();
Log.Line($"PtHub: all {layout.Clients.Count} screens subscribed; node GC heap {Report.Mb(pthubConnected.GcHeapBytes)}, working set {Report.Mb(pthubConnected.WorkingSetBytes)}; " +
    $"screen processes' working set {Report.Mb(pthub.Screens!.WorkingSetBytes)}; shared clock checked to {pthub.Screens.ClockWindowMs:0.000} ms");

await using var raw = await RawSystem.StartAsync(options, layout);
await raw.ConnectAsync();
var rawConnected = ProcessSample.Take();
Log.Line($"raw: all {layout.Clients.Count} screens joined at {raw.Address}; bench GC heap {Report.Mb(rawConnected.GcHeapBytes)}, working set {Report.Mb(rawConnected.WorkingSetBytes)}; " +
    $"screen processes' working set {Report.Mb(raw.Screens!.WorkingSetBytes)}; shared clock checked to {raw.Screens.ClockWindowMs:0.000} ms");

var results = new List<RoundResult>();
var used = 0;
for (var round = 0; round <= options.Rounds; round++)
{
    // Round 0 warms both systems up (JIT, connections, grain activations) and is not counted.
    var count = round == 0 ? options.WarmupVisits : options.VisitsPerRound;
    var roundVisits = visits.Skip(used).Take(count).ToArray();
    used += count;
    var label = round == 0 ? "warm-up" : $"round {round}/{options.Rounds}";

    var before = ProcessSample.Take();
    var tally = await pthub.RunRoundAsync(roundVisits, options.Rate);
    var pthubResult = RoundResult.From("pthub", round, tally, layout, before, ProcessSample.Take());
    Log.Line($"{label} PtHub: {Report.Brief(pthubResult)}");

    var rate = options.Rate > 0 ? options.Rate : pthubResult.CommandsPerSecond;
    before = ProcessSample.Take();
    var rawTally = await raw.RunRoundAsync(count * Step.Cycle.Count, rate, Shape.Of(pthubResult));
    var rawResult = RoundResult.From("raw", round, rawTally, layout, before, ProcessSample.Take());
    Log.Line($"{label} raw:   {Report.Brief(rawResult)}");
    if (round > 0)
    {
        results.Add(pthubResult);
        results.Add(rawResult);
    }
}

// The storage limit, in the same run: raw single-row inserts into the node's database at the bench's concurrency.
double? rawInserts = null;
if (database is not null)
{
    rawInserts = await RawInserts.PerSecondAsync(database.ConnectionString, options.Concurrency, TimeSpan.FromSeconds(5));
    Log.Line($"raw PostgreSQL: {rawInserts:0} single-row inserts/s on {options.Concurrency} connections");
}

var summary = Report.Summarize(options, layout, results, startSample, pthubConnected, rawConnected) with
{
    Storage = database is null ? "sqlite" : "postgresql",
    HeapPerClinicDayBytes = perClinicDay,
    VisitsPerClinic = (double)visitsNeeded / options.Clinics,
    RawInsertsPerSecond = rawInserts,
};
Report.Print(summary);
await Report.WriteJsonAsync(options.Json, summary);
Log.Line($"results written to {Path.GetFullPath(options.Json)}");
return 0;
