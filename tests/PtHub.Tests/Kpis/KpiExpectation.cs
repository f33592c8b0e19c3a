namespace PtHub.Tests.Kpis;

/// <summary>
/// The KPI definitions of docs/figures.md worked out again from the test's own record of the visits, in plain LINQ
/// and apart from PtHub's code, so a shared mistake cannot hide: every figure keyed by its JSON name.
/// </summary>
public static class KpiExpectation
{
    /// <param name="workingSeconds">When given, the therapists' scheduled working time of the range (worked out by
    /// <see cref="KpiHistory.WorkingSeconds"/>), and productivity is expected too.</param>
    /// <param name="spaceSeconds">When given, the spaces' capacity-seconds of the range (0 for one therapist's figures,
    /// which have no space utilization), and space utilization is expected too.</param>
    public static Dictionary<string, double?> Of(IEnumerable<PlayedVisit> played, long? workingSeconds = null, long? spaceSeconds = null)
    {
        var visits = played.Where(v => v.Status != "entered-in-error").ToList();
        var attended = visits.Where(v => v.Status == "checked-out").ToList();
        var waited = visits.Where(v => v.ArrivedAt is not null && v.StartedAt is not null)
            .Select(v => (Visit: v, Seconds: (v.StartedAt!.Value - v.ArrivedAt!.Value).TotalSeconds)).ToList();
        var minutes = waited.Select(w => (int)Math.Floor(w.Seconds / 60)).Order().ToList();
        var quoted = waited.Where(w => w.Visit.QuotedWait is not null).ToList();
        var started = visits.Where(v => v.StartedAt is not null && !v.WalkIn).ToList();
        var scheduled = visits.Count;
        var units = attended.Sum(v => v.Units);
        var allowed = attended.Sum(v => v.Allowed);
        var treating = visits.Where(v => v.StartedAt is not null && v.FinishedAt is not null)
            .GroupBy(v => (v.Day, v.TherapistId)).Sum(g => UnionMinutes(g.Select(v => (v.StartedAt!.Value, v.FinishedAt!.Value))));

        // Copays due: attended visits whose patient's coverage asked a copay above 0 when they arrived.
        var due = attended.Where(v => v.CopayDue > 0).ToList();
        var dueAmount = due.Sum(v => v.CopayDue!.Value);
        var collectedOfDue = due.Sum(v => Math.Min(v.Copay ?? 0, v.CopayDue!.Value));

        var expected = new Dictionary<string, double?>
        {
            ["copaysDue"] = due.Count,
            ["copayDueAmount"] = (double)dueAmount,
            ["copaysDueCollected"] = due.Count(v => v.Copay is not null),
            ["copayDueCollectedAmount"] = (double)collectedOfDue,
            ["copayCollectionRate"] = dueAmount == 0 ? null : Math.Round(100.0 * (double)(collectedOfDue * 100) / (double)(dueAmount * 100), 1, MidpointRounding.AwayFromZero),
            ["copayVisitCollectionRate"] = Percent(due.Count(v => v.Copay is not null), due.Count),
            ["scheduled"] = scheduled,
            ["arrived"] = visits.Count(v => v.ArrivedAt is not null),
            ["attended"] = attended.Count,
            ["cancelled"] = visits.Count(v => v.Status == "cancelled"),
            ["lateCancelled"] = visits.Count(v => v.Status == "cancelled" && v.LateCancellation),
            ["noShows"] = visits.Count(v => v.Status == "noshow"),
            ["leftUnseen"] = visits.Count(v => v.Status == "left-without-being-seen"),
            ["initialEvaluations"] = attended.Count(v => v.VisitType == "initial-evaluation"),
            ["walkIns"] = visits.Count(v => v.WalkIn),
            ["waitsMeasured"] = waited.Count,
            ["units"] = units,
            ["charges"] = (double)allowed,
            ["copaysCollected"] = visits.Count(v => v.Copay is not null),
            ["copayAmount"] = (double)visits.Sum(v => v.Copay ?? 0),
            ["treatingMinutes"] = treating,
            ["arrivalRate"] = Percent(visits.Count(v => v.ArrivedAt is not null), scheduled),
            ["cancellationRate"] = Percent(visits.Count(v => v.Status == "cancelled"), scheduled),
            ["lateCancellationRate"] = Percent(visits.Count(v => v.Status == "cancelled" && v.LateCancellation), scheduled),
            ["noShowRate"] = Percent(visits.Count(v => v.Status == "noshow"), scheduled),
            ["cancelNoShowRate"] = Percent(visits.Count(v => v.Status is "cancelled" or "noshow"), scheduled),
            ["walkInRate"] = Percent(visits.Count(v => v.WalkIn), scheduled),
            ["unitsPerVisit"] = attended.Count == 0 ? null : Math.Round((double)units / attended.Count, 2, MidpointRounding.AwayFromZero),
            ["chargesPerVisit"] = attended.Count == 0 ? null : (double)decimal.Round(allowed / attended.Count, 2, MidpointRounding.AwayFromZero),
            ["waitMean"] = waited.Count == 0 ? null : Math.Round(waited.Sum(w => w.Seconds) / 60 / waited.Count, 1, MidpointRounding.AwayFromZero),
            ["waitMedian"] = NearestRank(minutes, 50),
            ["wait90th"] = NearestRank(minutes, 90),
            ["seenWithin15Rate"] = Percent(waited.Count(w => w.Seconds <= 15 * 60), waited.Count),
            ["onTimeStartRate"] = Percent(started.Count(v => v.StartedAt <= v.ScheduledStart.AddMinutes(5)), started.Count),
            ["quoteMae"] = quoted.Count == 0 ? null
                : Math.Round(quoted.Sum(w => Math.Abs(w.Visit.QuotedWait!.Value * 60 - w.Seconds)) / 60 / quoted.Count, 1, MidpointRounding.AwayFromZero),
        };
        if (workingSeconds is { } working)
        {
            expected["workingMinutes"] = working / 60;
            expected["productivity"] = working == 0 ? null : Math.Round(100.0 * treating * 60 / working, 1, MidpointRounding.AwayFromZero);
        }

        if (spaceSeconds is { } capacity)
        {
            // Every treated visit of the history stays in the gym from the start of treatment to its finish, and nowhere else.
            var occupied = visits.Where(v => v.StartedAt is not null && v.FinishedAt is not null).Sum(v => (long)(v.FinishedAt!.Value - v.StartedAt!.Value).TotalSeconds);
            expected["occupiedMinutes"] = occupied / 60;
            expected["spaceMinutes"] = capacity / 60;
            expected["spaceUtilization"] = capacity == 0 ? null : Math.Round(100.0 * occupied / capacity, 1, MidpointRounding.AwayFromZero);
        }

        return expected;
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    private static double? NearestRank(List<int> sorted, int p) => sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(p / 100.0 * sorted.Count) - 1];

    /// <summary>Minutes covered by at least one of the spans, counted minute by minute (the spans start and end on whole minutes).</summary>
    private static int UnionMinutes(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> spans) =>
        spans.SelectMany(s => Enumerable.Range(0, (int)(s.End - s.Start).TotalMinutes).Select(m => s.Start.AddMinutes(m))).Distinct().Count();
}
