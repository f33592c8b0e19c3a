namespace PtHub.FaultDrill;

/// <summary>Reads visits back through the API to prove that every accepted command is in the state.</summary>
public static class History
{
    /// <summary>The ledger entries whose action is not in the visit's event history (GET /api/clinics/{id}/visits/{visitId}).</summary>
    public static async Task<List<string>> MissingAsync(Nodes nodes, IReadOnlyList<LedgerEntry> ledger, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var visit in ledger.GroupBy(e => (e.ClinicId, e.VisitId)))
        {
            HashSet<string> actions;
            try
            {
                var history = await nodes.GetJsonAsync($"api/clinics/{visit.Key.ClinicId}/visits/{visit.Key.VisitId}", cancellationToken);
                actions = [.. history["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>())];
            }
            catch (InvalidOperationException ex)
            {
                missing.Add($"{visit.Key.VisitId} ({visit.Key.ClinicId}): cannot be read: {ex.Message}");
                continue;
            }

            missing.AddRange(visit.Where(e => !actions.Contains(e.Action))
                .Select(e => $"{e.Action} of {e.VisitId} ({e.ClinicId}), answered 2xx by node {e.Node + 1} at t={e.AnsweredAt:0.00} s"));
        }

        return missing;
    }

    /// <summary>
    /// After every node restarted, state comes back from PostgreSQL alone: every 2xx is in its visit's history,
    /// and every visit booked with a 2xx is on its clinic's board with the status its history ends in.
    /// </summary>
    public static async Task<VerificationAfterColdRestart> AfterColdRestartAsync(
        Nodes nodes, IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<ClinicSetup> clinics, CancellationToken cancellationToken)
    {
        var missing = await MissingAsync(nodes, ledger, cancellationToken);
        var problems = new List<string>();
        foreach (var clinic in clinics)
        {
            var board = await nodes.GetJsonAsync($"api/clinics/{clinic.Id}/board", cancellationToken);
            var statuses = board["rows"]!.AsArray()
                .ToDictionary(r => r!["visitId"]!.GetValue<string>(), r => r!["status"]!.GetValue<string>(), StringComparer.Ordinal);
            foreach (var visitId in ledger.Where(e => e.ClinicId == clinic.Id && e.Action == "book").Select(e => e.VisitId).Distinct())
            {
                var visit = await nodes.GetJsonAsync($"api/clinics/{clinic.Id}/visits/{visitId}", cancellationToken);
                var status = visit["visit"]!["status"]!.GetValue<string>();
                if (!statuses.TryGetValue(visitId, out var onBoard))
                {
                    problems.Add($"{visitId} ({clinic.Id}, {status}) is not on the board");
                }
                else if (onBoard != status)
                {
                    problems.Add($"{visitId} ({clinic.Id}) is {status} but the board says {onBoard}");
                }
            }
        }

        return new VerificationAfterColdRestart(ledger.Count, ledger.Select(e => e.VisitId).Distinct().Count(), [.. missing.Take(50)],
            clinics.Count, [.. problems.Take(50)]);
    }
}
