using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PtHub.FaultDrill;

/// <summary>
/// One fault under load: fresh clinics, board clients on every node, a steady stream of commands, the fault command
/// after the warm-up, load on until the cluster has recovered (bounded), then the checks.
/// </summary>
public sealed class Scenario(Nodes nodes, DrillOptions options, string name, string faultCommand, int? killedNode)
{
    private readonly Stopwatch _clock = new();
    private LoadDriver? _load;

    public IReadOnlyList<LedgerEntry> Ledger => _load?.Ledger ?? [];

    public IReadOnlyList<ClinicSetup> ClinicSetups { get; private set; } = [];

    private double Now => _clock.Elapsed.TotalSeconds;

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        nodes.ReviveAll();
        if (await NodesNotReadyAsync(except: null, cancellationToken) is { Count: > 0 } down)
        {
            return ScenarioResult.Aborted(name, faultCommand, killedNode, nodes.Urls.Count,
                $"node(s) {string.Join(", ", down)} not ready before the scenario (see their logs)");
        }

        try
        {
            return await RunLoadedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException
                                       or TimeoutException or IOException)
        {
            return ScenarioResult.Aborted(name, faultCommand, killedNode, nodes.Urls.Count, ex.GetBaseException().Message);
        }
    }

    /// <summary>
    /// The nodes (1-based) whose /health/ready does not answer 200 within five tries a second apart (one failed
    /// probe right after a database restart is normal: a pooled connection the restart closed), leaving out the
    /// node the scenario killed.
    /// </summary>
    private async Task<List<int>> NodesNotReadyAsync(int? except, CancellationToken cancellationToken)
    {
        var down = new List<int>();
        for (var node = 0; node < nodes.Urls.Count; node++)
        {
            if (node + 1 != except && !await ReadyAsync(node, cancellationToken))
            {
                down.Add(node + 1);
            }
        }

        return down;
    }

    private async Task<bool> ReadyAsync(int node, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                using var response = await nodes.Http.GetAsync(nodes.Url(node, "health/ready"), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not answering: try again.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return false;
    }

    private async Task<ScenarioResult> RunLoadedAsync(CancellationToken cancellationToken)
    {
        _clock.Restart();
        Console.WriteLine($"== {name}: {options.Clinics} clinics, {options.ClientsPerNode} board client(s) per clinic and node, {options.Rate} commands/s");

        var prefix = $"drill-{name}-{DateTime.UtcNow:HHmmss}";
        var clinics = (await Task.WhenAll(Enumerable.Range(1, options.Clinics).Select(i =>
            ClinicSetup.CreateAsync(nodes, $"{prefix}-{i:00}", options.ActivePerClinic * 2 + 4, cancellationToken)))).ToList();

        ClinicSetups = clinics;
        var clients = new List<BoardClient>();
        foreach (var clinic in clinics)
        {
            for (var node = 0; node < nodes.Urls.Count; node++)
            {
                for (var k = 0; k < options.ClientsPerNode; k++)
                {
                    var client = new BoardClient(clients.Count + 1, clinic.Id, node, nodes.Urls, _clock, nodes.Cookies);
                    await client.StartAsync(cancellationToken);
                    clients.Add(client);
                }
            }
        }

        Console.WriteLine($"   {clients.Count} board clients connected after {Now:0.0} s; load starts");
        var load = _load = new LoadDriver(nodes, clinics, options, _clock);
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loadTask = load.RunAsync(stopLoad.Token);

        await Task.Delay(options.Warmup, cancellationToken);
        var faultAt = Now;
        if (killedNode is { } dead)
        {
            nodes.MarkDead(dead - 1);
        }

        Console.WriteLine($"   t={faultAt:0.0} s: {faultCommand}");
        var exit = await Shell.RunAsync(faultCommand, cancellationToken);
        var faultDoneAt = Now;
        Console.WriteLine($"   t={faultDoneAt:0.0} s: fault command returned {exit}");

        // Keep the load on until the cluster has been free of failures for a while, every client is connected and
        // the minimum time has passed; never longer than the maximum.
        while (Now - faultAt < options.MaxAfter.TotalSeconds)
        {
            var lastFailure = load.Records.Where(r => r.AnsweredAt >= faultAt && IsFailure(r) && !IsViaKilledNode(r))
                .Select(r => (double?)r.AnsweredAt).Max() ?? faultAt;
            if (Now - faultDoneAt >= options.MinAfter.TotalSeconds && Now - lastFailure >= options.Quiet.TotalSeconds
                && clients.All(c => c.Connected))
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        await stopLoad.CancelAsync();
        await loadTask;
        var endedAt = Now;
        Console.WriteLine($"   t={endedAt:0.0} s: load stopped; checking");

        var failures = new List<string>();
        var warnings = new List<string>();
        if (await NodesNotReadyAsync(except: killedNode, cancellationToken) is { Count: > 0 } down)
        {
            failures.Add($"node(s) {string.Join(", ", down)} that were not killed are down after the scenario (see their logs)");
        }

        var verification = await VerifyAsync(load.Ledger, clinics, clients, failures, cancellationToken);
        var result = new ScenarioResult(name, faultCommand, killedNode, nodes.Urls.Count, clinics.Count,
            CommandStatsOf(load, faultAt, faultDoneAt, endedAt),
            RecoveryOf(load.Records, faultAt, faultDoneAt),
            ClientStatsOf(clients, faultAt, failures, warnings),
            verification,
            load.Anomalies,
            warnings,
            failures);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return result;
    }

    private bool IsViaKilledNode(CommandRecord record) => killedNode is { } dead && record.Node == dead - 1;

    private static bool IsFailure(CommandRecord record) => record.Outcome is Outcome.ServerError or Outcome.NoAnswer;

    private CommandStats CommandStatsOf(LoadDriver load, double faultAt, double faultDoneAt, double endedAt)
    {
        var records = load.Records;
        var errorKinds = records.Where(IsFailure)
            .GroupBy(r => r.Outcome == Outcome.NoAnswer ? "no answer: " + Shorten(r.Error) : $"{r.Status}: {Shorten(r.Error)}")
            .OrderByDescending(g => g.Count())
            .Take(8)
            .ToDictionary(g => g.Key, g => g.Count());
        var firstSent = records.Count > 0 ? records.Min(r => r.SentAt) : 0;
        return new CommandStats(
            records.Count,
            records.Count(r => r.Outcome == Outcome.Accepted),
            records.Count(r => r.Outcome == Outcome.Refused),
            records.Count(r => r.Outcome == Outcome.ServerError),
            records.Count(r => r.Outcome == Outcome.NoAnswer),
            records.Count(r => IsFailure(r) && r.AnsweredAt < faultAt),
            records.Count(r => IsFailure(r) && r.AnsweredAt >= faultAt && IsViaKilledNode(r)),
            records.Count(r => IsFailure(r) && r.AnsweredAt >= faultAt && !IsViaKilledNode(r)),
            records.Count(r => r.Outcome == Outcome.Accepted && r.SentAt >= faultAt && r.AnsweredAt <= faultDoneAt),
            records.Count(r => r.Outcome == Outcome.Accepted && r.Retry),
            Math.Round(records.Count(r => r.Outcome == Outcome.Accepted) / Math.Max(1, endedAt - firstSent), 1),
            [.. Enumerable.Range(0, nodes.Urls.Count).Select(n => records.Count(r => r.Node == n && r.Outcome == Outcome.Accepted))],
            errorKinds,
            load.StuckVisits);
    }

    private RecoveryTimes RecoveryOf(IReadOnlyList<CommandRecord> records, double faultAt, double faultDoneAt)
    {
        var after = records.Where(r => r.AnsweredAt >= faultAt && !IsViaKilledNode(r)).ToList();
        var failed = after.Where(IsFailure).ToList();
        // The visits that a survivor could not serve after the fault: their grains (the visit's, or the day's,
        // therapist's or room's it calls) lived on the killed node, or could not reach the database.
        var firstFailureOfVisit = failed.GroupBy(r => r.VisitKey).ToDictionary(g => g.Key, g => g.Min(r => r.AnsweredAt));
        var recovered = after
            .Where(r => r.Outcome == Outcome.Accepted && firstFailureOfVisit.TryGetValue(r.VisitKey, out var f) && r.SentAt > f)
            .Select(r => (double?)r.AnsweredAt).Min();
        var firstAccepted = after.Where(r => r.Outcome == Outcome.Accepted && r.SentAt >= faultAt).Select(r => (double?)r.AnsweredAt).Min();
        return new RecoveryTimes(
            Round(faultDoneAt - faultAt)!.Value,
            Round(failed.Select(r => (double?)r.AnsweredAt).Min() - faultAt),
            Round(failed.Select(r => (double?)r.AnsweredAt).Max() - faultAt),
            Round(recovered - faultAt),
            firstFailureOfVisit.Count,
            Round(firstAccepted - faultAt));
    }

    private ClientStats ClientStatsOf(List<BoardClient> clients, double faultAt, List<string> failures, List<string> warnings)
    {
        var onKilled = clients.Where(c => killedNode is { } dead && c.HomeNode == dead - 1).ToList();
        var resync = onKilled.Where(c => c.ResyncedAfterReconnectAt.Count > 0)
            .Select(c => c.ResyncedAfterReconnectAt.First(t => t >= faultAt) - faultAt).Order().ToList();
        var survivors = clients.Except(onKilled).ToList();
        var keptReceiving = survivors.Count(c => c.DisconnectedAt.Count == 0 && c.PushTimes.Any(t => t > faultAt));
        var epochResync = survivors.Where(c => c.EpochChangedAt.Any(t => t >= faultAt))
            .Select(c => c.EpochChangedAt.First(t => t >= faultAt) - faultAt).ToList();

        if (onKilled.Count(c => c.ResyncedAfterReconnectAt.Count > 0) != onKilled.Count)
        {
            failures.Add($"{onKilled.Count - resync.Count} client(s) of the killed node never reconnected and resynced");
        }

        if (keptReceiving != survivors.Count)
        {
            failures.Add($"{survivors.Count - keptReceiving} client(s) of surviving nodes lost their connection or received nothing after the fault");
        }

        // A push that arrives after a newer one is ignored by the protocol (its version is not above the one held) and
        // the newer one before it caused a resync: no screen applies anything out of order, so this is a warning.
        if (clients.Sum(c => c.OutOfOrder) is > 0 and var outOfOrder)
        {
            warnings.Add($"{outOfOrder} push(es) arrived after a newer one on the same connection (the client resynced; nothing was applied out of order)");
        }

        if (clients.Sum(c => c.Backwards) is > 0 and var backwards)
        {
            failures.Add($"{backwards} snapshot(s) were older than the state a client held");
        }

        return new ClientStats(
            clients.Count,
            onKilled.Count,
            resync.Count,
            Round(resync.Count > 0 ? resync[0] : null),
            Round(resync.Count > 0 ? resync[resync.Count / 2] : null),
            Round(resync.Count > 0 ? resync[^1] : null),
            survivors.Count,
            keptReceiving,
            epochResync.Count,
            Round(epochResync.Count > 0 ? epochResync.Max() : null),
            clients.Sum(c => c.OutOfOrder),
            clients.Sum(c => c.Backwards),
            clients.Sum(c => c.SameEpochGaps),
            clients.Sum(c => c.EpochJumps),
            clients.Sum(c => c.Resyncs),
            [.. clients.SelectMany(c => c.Errors.Select(e => $"client {c.Number} ({c.ClinicId}, node {c.HomeNode + 1}): {e}"))
                .Distinct().Take(20)]);
    }

    /// <summary>(a) every 2xx is in its visit's history; (c) every client's final board equals the server's.</summary>
    private async Task<Verification> VerifyAsync(IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<ClinicSetup> clinics,
        List<BoardClient> clients, List<string> failures, CancellationToken cancellationToken)
    {
        var (missing, statuses) = await History.ReadAsync(nodes, ledger, cancellationToken);
        if (missing.Count > 0)
        {
            failures.Add($"{missing.Count} command(s) answered 2xx are not in the final state");
        }

        var boardProblems = await History.BoardProblemsAsync(nodes, ledger, statuses, clinics, cancellationToken);
        if (boardProblems.Count > 0)
        {
            failures.Add($"{boardProblems.Count} visit(s) show another status on the server's board than in their own history");
        }

        var equal = 0;
        var mismatches = new List<string>();
        foreach (var group in clients.GroupBy(c => c.ClinicId))
        {
            var pending = group.ToList();
            var deadline = Now + 30;
            while (pending.Count > 0 && Now < deadline)
            {
                var board = await nodes.GetJsonAsync($"api/clinics/{group.Key}/board", cancellationToken);
                var version = board["version"]!.GetValue<long>();
                var rows = board["rows"]!.AsArray()
                    .ToDictionary(r => r!["visitId"]!.GetValue<string>(), r => Canonical.Json(JsonSerializer.SerializeToElement(r)), StringComparer.Ordinal);
                foreach (var client in pending.ToList())
                {
                    var (held, heldRows) = client.State;
                    if (held != version)
                    {
                        continue;
                    }

                    pending.Remove(client);
                    if (Differences(rows, heldRows) is { } difference)
                    {
                        mismatches.Add($"client {client.Number} ({group.Key}, node {client.Node + 1}) at v{held}: {difference}");
                    }
                    else
                    {
                        equal++;
                    }
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(200, cancellationToken);
                }
            }

            mismatches.AddRange(pending.Select(c => $"client {c.Number} ({group.Key}, node {c.Node + 1}) stuck at v{c.Version} for 30 s"));
        }

        if (mismatches.Count > 0)
        {
            failures.Add($"{mismatches.Count} client board(s) differ from the server's");
        }

        return new Verification(ledger.Count, statuses.Count, [.. missing.Take(50)], [.. boardProblems.Take(50)], equal, [.. mismatches.Take(50)]);
    }

    private static string? Differences(IReadOnlyDictionary<string, string> server, IReadOnlyDictionary<string, string> client)
    {
        var onlyServer = server.Keys.Except(client.Keys).ToList();
        var onlyClient = client.Keys.Except(server.Keys).ToList();
        var changed = server.Keys.Intersect(client.Keys).Where(k => server[k] != client[k]).ToList();
        if (onlyServer.Count + onlyClient.Count + changed.Count == 0)
        {
            return null;
        }

        var sample = changed.Count > 0 ? $"; e.g. server {server[changed[0]]} vs client {client[changed[0]]}" : "";
        return $"{onlyServer.Count} row(s) missing, {onlyClient.Count} extra, {changed.Count} different{sample}";
    }

    private static string Shorten(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return "";
        }

        // Problem details: keep the title/detail, not the whole body.
        try
        {
            var problem = JsonNode.Parse(error);
            var text = problem?["detail"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>() ?? error;
            return text.Length <= 120 ? text : text[..120] + "…";
        }
        catch (JsonException)
        {
            return error.Length <= 120 ? error : error[..120] + "…";
        }
    }

    private static double? Round(double? seconds) => seconds is { } s ? Math.Round(s, 2) : null;
}
