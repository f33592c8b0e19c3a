using System.Diagnostics;
using System.Text.Json;
using PtHub.FaultDrill;

// The multi-node fault drill of issue 8; scripts/fault-drill.sh starts the cluster and hands over the fault commands.
DrillOptions options;
try
{
    options = DrillOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(DrillOptions.Usage);
    return 2;
}

var total = Stopwatch.StartNew();
var startedAt = DateTimeOffset.UtcNow;
// A hard bound on the whole drill, whatever the cluster does.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));
using var nodes = new Nodes(options.Urls);
await nodes.SignInAsync(cancellation.Token);
var results = new List<ScenarioResult>();
var ledgers = new List<(ScenarioResult Result, Scenario Scenario)>();

if (options.KillCommand is { } kill)
{
    var scenario = new Scenario(nodes, options, "node-kill", kill, options.KillNode);
    var result = await scenario.RunAsync(cancellation.Token);
    results.Add(result);
    ledgers.Add((result, scenario));
    Report.PrintScenario(result);
    if (options.RestoreCommand is { } restore)
    {
        Console.WriteLine($"== restoring: {restore}");
        var exit = await Shell.RunAsync(restore, cancellation.Token);
        if (exit != 0)
        {
            Console.Error.WriteLine($"The restore command failed ({exit}); the next scenario runs on the survivors.");
        }
    }
}

foreach (var (name, command) in new[] { ("pg-restart", options.PgRestartCommand), ("pg-outage", options.PgOutageCommand) })
{
    if (command is null)
    {
        continue;
    }

    var scenario = new Scenario(nodes, options, name, command, killedNode: null);
    var result = await scenario.RunAsync(cancellation.Token);
    results.Add(result);
    ledgers.Add((result, scenario));
    Report.PrintScenario(result);
}

if (options.ColdRestartCommand is { } coldRestart && ledgers.Count > 0)
{
    Console.WriteLine($"== cold restart: {coldRestart}");
    var exit = await Shell.RunAsync(coldRestart, cancellation.Token);
    nodes.ReviveAll();
    foreach (var (result, scenario) in ledgers)
    {
        result.ColdRestart = exit == 0
            ? await History.AfterColdRestartAsync(nodes, scenario.Ledger, scenario.ClinicSetups, cancellation.Token)
            : new VerificationAfterColdRestart(scenario.Ledger.Count, 0, [$"the cold restart command failed ({exit})"], 0, []);
        Report.PrintColdRestart(result);
    }
}

var report = new DrillReport(startedAt, Environment.ProcessorCount, [.. options.Urls.Select(u => u.ToString())],
    new
    {
        options.Clinics, options.ClientsPerNode, options.Rate, options.ActivePerClinic,
        WarmupSeconds = options.Warmup.TotalSeconds, MinAfterSeconds = options.MinAfter.TotalSeconds,
        QuietSeconds = options.Quiet.TotalSeconds, MaxAfterSeconds = options.MaxAfter.TotalSeconds,
    },
    results, Math.Round(total.Elapsed.TotalSeconds, 1));
Report.PrintSummary(report);
if (options.JsonPath is { } path)
{
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Report.JsonOptions));
    Console.WriteLine($"JSON: {path}");
}

return report.Passed ? 0 : 1;
