using System.Globalization;
using System.Text.Json;

namespace PtHub.FaultDrill;

/// <summary>The drill's table and details on the console, and its JSON.</summary>
public static class Report
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void PrintScenario(ScenarioResult result)
    {
        Console.WriteLine($"   {result.Name}: {(result.Passed ? "PASS" : "FAIL")}");
        foreach (var failure in result.Failures)
        {
            Console.WriteLine($"   FAIL: {failure}");
        }

        foreach (var warning in result.Warnings)
        {
            Console.WriteLine($"   WARN: {warning}");
        }

        foreach (var (kind, count) in result.Commands.ErrorKinds)
        {
            Console.WriteLine($"   error x{count}: {kind}");
        }

        foreach (var line in result.Verification.Missing.Concat(result.Verification.BoardDisagreesWithVisits)
                     .Concat(result.Verification.BoardMismatches).Take(10))
        {
            Console.WriteLine($"   - {line}");
        }

        foreach (var anomaly in result.Anomalies.Take(10))
        {
            Console.WriteLine($"   note: {anomaly}");
        }

        foreach (var error in result.Clients.Errors.Take(5))
        {
            Console.WriteLine($"   client: {error}");
        }
    }

    public static void PrintColdRestart(ScenarioResult result)
    {
        if (result.ColdRestart is not { } cold)
        {
            return;
        }

        var ok = cold.Missing.Count == 0 && cold.BoardProblems.Count == 0;
        Console.WriteLine($"   {result.Name} after the cold restart: {cold.LedgerEntries} accepted commands on {cold.VisitsChecked} visits read back: {(ok ? "PASS" : "FAIL")}");
        foreach (var line in cold.Missing.Concat(cold.BoardProblems).Take(10))
        {
            Console.WriteLine($"   - {line}");
        }
    }

    public static void PrintSummary(DrillReport report)
    {
        var scenarios = report.Scenarios;
        var rows = new List<(string Label, Func<ScenarioResult, string> Value)>
        {
            ("fault", s => s.KilledNode is { } n ? $"kill -9 node {n}" : s.Name == "pg-outage" ? "PostgreSQL down" : "pg_ctl restart"),
            ("commands sent", s => N(s.Commands.Sent)),
            ("accepted (2xx)", s => N(s.Commands.Accepted)),
            ("accepted per second", s => F(s.Commands.AcceptedPerSecond)),
            ("refused (4xx)", s => N(s.Commands.Refused)),
            ("failed: 5xx / no answer", s => $"{s.Commands.ServerErrors} / {s.Commands.NoAnswer}"),
            ("failed before the fault", s => N(s.Commands.FailuresBeforeFault)),
            ("failed in flight to the killed node", s => s.KilledNode is null ? "-" : N(s.Commands.FailuresViaKilledNode)),
            ("failed via survivors after the fault", s => N(s.Commands.FailuresViaSurvivorsAfterFault)),
            ("visits hit by a failure", s => N(s.Recovery.VisitsHit)),
            ("2xx while the fault command ran", s => N(s.Commands.AcceptedWhileFaultCommandRan)),
            ("2xx on a retry after an error", s => N(s.Commands.AcceptedOnRetry)),
            ("2xx missing from final state", s => N(s.Verification.Missing.Count)),
            ("board rows unlike their visit", s => N(s.Verification.BoardDisagreesWithVisits.Count)),
            ("2xx missing after cold restart", s => s.ColdRestart is { } c ? N(c.Missing.Count) : "-"),
            ("boards wrong after cold restart", s => s.ColdRestart is { } c ? N(c.BoardProblems.Count) : "-"),
            ("fault command took (s)", s => F(s.Recovery.FaultCommandSeconds)),
            ("first failure after fault (s)", s => F(s.Recovery.FirstFailure)),
            ("first 2xx after fault (s)", s => F(s.Recovery.FirstAcceptedAfterFault)),
            ("first 2xx on a hit visit (s)", s => F(s.Recovery.FirstRecoveredCommand)),
            ("last failure after fault (s)", s => F(s.Recovery.LastFailure)),
            ("board clients", s => N(s.Clients.Total)),
            ("clients of killed node resynced", s => s.KilledNode is null ? "-" : $"{s.Clients.Reconnected}/{s.Clients.OnKilledNode}"),
            ("  resync after kill min/med/max (s)", s => s.KilledNode is null ? "-"
                : $"{F(s.Clients.ResyncAfterReconnectMin)}/{F(s.Clients.ResyncAfterReconnectMedian)}/{F(s.Clients.ResyncAfterReconnectMax)}"),
            ("survivor clients kept receiving", s => $"{s.Clients.SurvivorsKeptReceiving}/{s.Clients.Survivors}"),
            ("  resynced to a new epoch, max (s)", s => $"{s.Clients.SurvivorsResyncedToNewEpoch}, {F(s.Clients.SurvivorEpochResyncMax)}"),
            ("pushes arriving after a newer one", s => N(s.Clients.OutOfOrder)),
            ("snapshots older than held state", s => N(s.Clients.Backwards)),
            ("gaps: same epoch / epoch jumps", s => $"{s.Clients.SameEpochGaps} / {s.Clients.EpochJumps}"),
            ("final boards equal to server", s => $"{s.Verification.BoardsEqual}/{s.Clients.Total}"),
            ("stuck visits (refused, abandoned)", s => N(s.Commands.StuckVisits)),
            ("result", s => s.Passed && (s.ColdRestart is null || (s.ColdRestart.Missing.Count == 0 && s.ColdRestart.BoardProblems.Count == 0)) ? "PASS" : "FAIL"),
        };

        var labelWidth = rows.Max(r => r.Label.Length);
        var widths = scenarios.Select(s => Math.Max(s.Name.Length, rows.Max(r => r.Value(s).Length))).ToList();
        Console.WriteLine();
        Console.WriteLine($"PtHub fault drill: {report.Urls.Count} nodes, {report.ProcessorCount} cores, {report.TotalSeconds:0} s");
        Console.WriteLine($"| {"".PadRight(labelWidth)} | {string.Join(" | ", scenarios.Select((s, i) => s.Name.PadLeft(widths[i])))} |");
        Console.WriteLine($"|{new string('-', labelWidth + 2)}|{string.Join("|", widths.Select(w => new string('-', w + 1) + ":"))}|");
        foreach (var (label, value) in rows)
        {
            Console.WriteLine($"| {label.PadRight(labelWidth)} | {string.Join(" | ", scenarios.Select((s, i) => value(s).PadLeft(widths[i])))} |");
        }

        Console.WriteLine();
        Console.WriteLine(report.Passed ? "fault drill: PASS" : "fault drill: FAIL");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value) => value is { } v ? v.ToString("0.0#", CultureInfo.InvariantCulture) : "-";
}
