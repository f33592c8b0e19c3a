namespace PtHub.FaultDrill;

/// <summary>One scenario's outcome. Times are seconds, counted from the moment the fault command started.</summary>
public sealed record ScenarioResult(
    string Name,
    string FaultCommand,
    int? KilledNode,
    int Nodes,
    int Clinics,
    CommandStats Commands,
    RecoveryTimes Recovery,
    ClientStats Clients,
    Verification Verification,
    IReadOnlyList<string> Anomalies,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public VerificationAfterColdRestart? ColdRestart { get; set; }

    /// <summary>A scenario that could not run to its checks (e.g. a node that was not killed is down).</summary>
    public static ScenarioResult Aborted(string name, string faultCommand, int? killedNode, int nodes, string reason) =>
        new(name, faultCommand, killedNode, nodes, 0,
            new CommandStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], new Dictionary<string, int>(), 0),
            new RecoveryTimes(0, null, null, null, 0, null),
            new ClientStats(0, 0, 0, null, null, null, 0, 0, 0, null, 0, 0, 0, 0, 0, []),
            new Verification(0, 0, [], [], 0, []),
            [], [], [$"aborted: {reason}"]);
}

public sealed record CommandStats(
    int Sent,
    int Accepted,
    int Refused,
    int ServerErrors,
    int NoAnswer,
    int FailuresBeforeFault,
    int FailuresViaKilledNode,
    int FailuresViaSurvivorsAfterFault,
    int AcceptedWhileFaultCommandRan,
    int AcceptedOnRetry,
    double AcceptedPerSecond,
    IReadOnlyList<int> AcceptedPerNode,
    IReadOnlyDictionary<string, int> ErrorKinds,
    int StuckVisits);

public sealed record RecoveryTimes(
    double FaultCommandSeconds,
    double? FirstFailure,
    double? LastFailure,
    double? FirstRecoveredCommand,
    int VisitsHit,
    double? FirstAcceptedAfterFault);

public sealed record ClientStats(
    int Total,
    int OnKilledNode,
    int Reconnected,
    double? ResyncAfterReconnectMin,
    double? ResyncAfterReconnectMedian,
    double? ResyncAfterReconnectMax,
    int Survivors,
    int SurvivorsKeptReceiving,
    int SurvivorsResyncedToNewEpoch,
    double? SurvivorEpochResyncMax,
    int OutOfOrder,
    int Backwards,
    int SameEpochGaps,
    int EpochJumps,
    int Resyncs,
    IReadOnlyList<string> Errors);

public sealed record Verification(
    int LedgerEntries,
    int VisitsChecked,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> BoardDisagreesWithVisits,
    int BoardsEqual,
    IReadOnlyList<string> BoardMismatches);

public sealed record VerificationAfterColdRestart(
    int LedgerEntries,
    int VisitsChecked,
    IReadOnlyList<string> Missing,
    int BoardsChecked,
    IReadOnlyList<string> BoardProblems);

public sealed record DrillReport(
    DateTimeOffset StartedAt,
    int ProcessorCount,
    IReadOnlyList<string> Urls,
    object Settings,
    IReadOnlyList<ScenarioResult> Scenarios,
    double TotalSeconds)
{
    public bool Passed => Scenarios.All(s => s.Passed && (s.ColdRestart is null || (s.ColdRestart.Missing.Count == 0 && s.ColdRestart.BoardProblems.Count == 0)));
}
