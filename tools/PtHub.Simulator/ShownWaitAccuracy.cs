namespace PtHub.Simulator;

/// <summary>
/// How honest the lobby stays while a patient waits: each minute's shown estimate against the wait that really remained
/// (start of treatment − that minute), beside the two baselines carried forward to that minute: the scheduled start, and
/// the day's average wait at arrival less the time already waited.
/// </summary>
internal sealed record ShownWaitAccuracy(int Samples, double MaePtHub, double MaeScheduled, double MaeAverage, double UnderBy10Percent)
{
    public static ShownWaitAccuracy From(IReadOnlyList<ShownWait> shown, IEnumerable<PlannedVisit> visits)
    {
        var byId = visits.Where(v => v.VisitId is not null && v.ArrivedAt is not null && v.StartedAt is not null).ToDictionary(v => v.VisitId!);
        var samples = shown.Where(s => byId.ContainsKey(s.VisitId)).Select(s =>
        {
            var visit = byId[s.VisitId];
            var remaining = Math.Max(0, (visit.StartedAt!.Value - s.At).TotalMinutes);
            var waited = (s.At - visit.ArrivedAt!.Value).TotalMinutes;
            return (Remaining: remaining, PtHub: (double)s.EstimatedMinutes, Scheduled: Math.Max(0, (visit.ScheduledStart - s.At).TotalMinutes),
                Average: Math.Max(0, (visit.BaselineAverage ?? 0) - waited));
        }).ToList();
        double Mae(Func<(double Remaining, double PtHub, double Scheduled, double Average), double> estimate) =>
            samples.Count == 0 ? 0 : Math.Round(samples.Average(s => Math.Abs(estimate(s) - s.Remaining)), 2);
        return new ShownWaitAccuracy(samples.Count, Mae(s => s.PtHub), Mae(s => s.Scheduled), Mae(s => s.Average),
            samples.Count == 0 ? 0 : Math.Round(100.0 * samples.Count(s => s.Remaining - s.PtHub > 10) / samples.Count, 1));
    }
}
