namespace PtHub.FaultDrill;

/// <summary>Reads visits back through the API to prove that every accepted command is in the state.</summary>
public static class History
{
    /// <summary>
    /// The ledger entries whose action is not in the visit's event history (GET /api/clinics/{id}/visits/{visitId}),
    /// and each visit's status as its own grain tells it.
    /// </summary>
    public static async Task<(List<string> Missing, Dictionary<string, string> Statuses)> ReadAsync(
        Nodes nodes, IReadOnlyList<LedgerEntry> ledger, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var visit in ledger.GroupBy(e => (e.ClinicId, e.VisitId)))
        {
            HashSet<string> actions;
            try
            {
                var history = await nodes.GetJsonAsync($"api/clinics/{visit.Key.ClinicId}/visits/{visit.Key.VisitId}", cancellationToken);
                actions = [.. history["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>())];
                statuses[visit.Key.VisitId] = history["visit"]!["status"]!.GetValue<string>();
            }
            catch (InvalidOperationException ex)
            {
                missing.Add($"{visit.Key.VisitId} ({visit.Key.ClinicId}): cannot be read: {ex.Message}");
                continue;
            }

            missing.AddRange(visit.Where(e => !actions.Contains(e.Action))
                .Select(e => $"{e.Action} of {e.VisitId} ({e.ClinicId}), answered 2xx by node {e.Node + 1} at t={e.AnsweredAt:0.00} s"));
        }

        return (missing, statuses);
    }

    /// <summary>
    /// The server's board agrees with the visits: every visit booked with a 2xx is on its clinic's board, in the
    /// status its own grain has. (A screen can only be as right as the board it mirrors.)
    /// </summary>
    public static async Task<List<string>> BoardProblemsAsync(Nodes nodes, IReadOnlyList<LedgerEntry> ledger,
        IReadOnlyDictionary<string, string> statuses, IReadOnlyList<ClinicSetup> clinics, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var clinic in clinics)
        {
            var board = await nodes.GetJsonAsync($"api/clinics/{clinic.Id}/board", cancellationToken);
            var onBoard = board["rows"]!.AsArray()
                .ToDictionary(r => r!["visitId"]!.GetValue<string>(), r => r!["status"]!.GetValue<string>(), StringComparer.Ordinal);
            foreach (var visitId in ledger.Where(e => e.ClinicId == clinic.Id && e.Action == "book").Select(e => e.VisitId).Distinct())
            {
                if (!statuses.TryGetValue(visitId, out var status))
                {
                    continue; // reported as unreadable already
                }

                if (!onBoard.TryGetValue(visitId, out var shown))
                {
                    problems.Add($"{visitId} ({clinic.Id}, {status}) is not on the board");
                }
                else if (shown != status)
                {
                    problems.Add($"{visitId} ({clinic.Id}) is {status} but the board shows {shown}");
                }
            }
        }

        return problems;
    }

    /// <summary>After every node restarted, state comes back from PostgreSQL alone: the same checks again.</summary>
    public static async Task<VerificationAfterColdRestart> AfterColdRestartAsync(
        Nodes nodes, IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<ClinicSetup> clinics, CancellationToken cancellationToken)
    {
        var (missing, statuses) = await ReadAsync(nodes, ledger, cancellationToken);
        var problems = await BoardProblemsAsync(nodes, ledger, statuses, clinics, cancellationToken);
        return new VerificationAfterColdRestart(ledger.Count, statuses.Count, [.. missing.Take(50)], clinics.Count, [.. problems.Take(50)]);
    }
}
