using PtHub.Grains.Contracts;

namespace PtHub.Grains.Kpis;

/// <summary>
/// A clinic-day's roll-up from its visits' facts, and nothing else: the same facts always give the same rows, so the
/// roll-up kept as events are written and the one rebuilt later are equal, and a correction recomputes one day.
/// Definitions: docs/figures.md, "KPI trends".
/// </summary>
public static class KpiDayRollup
{
    public const string InitialEvaluationType = "initial-evaluation";

    /// <summary>Treatment begun this late after the scheduled start, or earlier, still counts as an on-time start.</summary>
    public static readonly TimeSpan OnTimeGrace = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan SeenWithin = TimeSpan.FromMinutes(15);

    private static readonly string EnteredInError = VisitStatus.EnteredInError.ToCode();
    private static readonly string CheckedOut = VisitStatus.CheckedOut.ToCode();
    private static readonly string Cancelled = VisitStatus.Cancelled.ToCode();
    private static readonly string NoShow = VisitStatus.NoShow.ToCode();
    private static readonly string LeftUnseen = VisitStatus.LeftWithoutBeingSeen.ToCode();

    public static KpiDay Compute(IEnumerable<VisitKpiFact> factsIn)
    {
        var facts = factsIn.ToList();
        var rows = new List<KpiDayRow>();
        var waits = new List<KpiWaitCount>();
        foreach (var group in facts.Where(f => f.Status != EnteredInError)
                     .GroupBy(f => (f.ClinicId, f.Day, f.TherapistId))
                     .OrderBy(g => g.Key.ClinicId, StringComparer.Ordinal).ThenBy(g => g.Key.Day).ThenBy(g => g.Key.TherapistId, StringComparer.Ordinal))
        {
            var visits = group.ToList();
            var measured = visits.Where(v => v.ArrivedAt is not null && v.StartedAt is not null)
                .Select(v => (Visit: v, Wait: Wait(v))).ToList();
            var quoted = measured.Where(m => m.Visit.QuotedWaitMinutes is not null).ToList();
            var onTimeEligible = visits.Where(v => v.StartedAt is not null && !v.WalkIn).ToList();
            var attended = visits.Where(v => v.Status == CheckedOut).ToList();
            var copayDue = attended.Where(v => v.CopayDueCents > 0).ToList();
            var (clinicId, day, therapistId) = group.Key;
            rows.Add(new KpiDayRow(clinicId, day, therapistId)
            {
                Scheduled = visits.Count,
                Arrived = visits.Count(v => v.ArrivedAt is not null),
                Attended = attended.Count,
                Cancelled = visits.Count(v => v.Status == Cancelled),
                LateCancelled = visits.Count(v => v.Status == Cancelled && v.LateCancellation),
                NoShows = visits.Count(v => v.Status == NoShow),
                LeftUnseen = visits.Count(v => v.Status == LeftUnseen),
                InitialEvaluations = attended.Count(v => v.VisitTypeCode == InitialEvaluationType),
                WalkIns = visits.Count(v => v.WalkIn),
                WaitsMeasured = measured.Count,
                WaitSeconds = measured.Sum(m => (long)m.Wait.TotalSeconds),
                SeenWithin15 = measured.Count(m => m.Wait <= SeenWithin),
                OnTimeEligible = onTimeEligible.Count,
                OnTimeStarts = onTimeEligible.Count(v => v.StartedAt <= v.ScheduledStart + OnTimeGrace),
                Quotes = quoted.Count,
                QuoteErrorSeconds = quoted.Sum(m => Math.Abs(m.Visit.QuotedWaitMinutes!.Value * 60L - (long)m.Wait.TotalSeconds)),
                Units = attended.Sum(v => v.Units),
                BilledVisits = attended.Count(v => v.Units > 0),
                AllowedCents = attended.Sum(v => v.AllowedCents),
                CopaysCollected = visits.Count(v => v.CopayCents is not null),
                CopayCents = visits.Sum(v => v.CopayCents ?? 0),
                TreatingSeconds = TreatingSeconds(visits),
                OccupiedSeconds = visits.Sum(v => v.StaySeconds),
                CopaysDue = copayDue.Count,
                CopayDueCents = copayDue.Sum(v => v.CopayDueCents!.Value),
                CopaysDueCollected = copayDue.Count(v => v.CopayCents is not null),
                CopayDueCollectedCents = copayDue.Sum(v => Math.Min(v.CopayCents ?? 0, v.CopayDueCents!.Value)),
            });
            waits.AddRange(measured.GroupBy(m => (int)Math.Floor(m.Wait.TotalMinutes)).OrderBy(g => g.Key)
                .Select(g => new KpiWaitCount(clinicId, day, therapistId, g.Key, g.Count())));
        }

        var plans = facts.Where(f => f.Status != EnteredInError && f.Plan is not null)
            .GroupBy(f => (f.ClinicId, f.Day, f.Plan!.PlanId))
            .OrderBy(g => g.Key.ClinicId, StringComparer.Ordinal).ThenBy(g => g.Key.Day).ThenBy(g => g.Key.PlanId, StringComparer.Ordinal)
            .Select(g =>
            {
                var plan = g.First().Plan!;
                return new KpiPlanDay(g.Key.ClinicId, g.Key.Day, plan.PlanId, plan.TherapistId, plan.StartDate, plan.EndDate, plan.VisitsPerWeek)
                {
                    Booked = g.Count(v => v.Status != Cancelled),
                    Attended = g.Count(v => v.Status == CheckedOut),
                };
            }).ToList();
        return new KpiDay(rows, waits, plans);
    }

    /// <summary>Arrival to the start of treatment, in whole seconds (never below 0).</summary>
    public static TimeSpan Wait(VisitKpiFact visit) =>
        TimeSpan.FromSeconds(Math.Max(0, Math.Floor((visit.StartedAt!.Value - visit.ArrivedAt!.Value).TotalSeconds)));

    /// <summary>Seconds with at least one of the visits in treatment (finished sessions only; overlaps count once).</summary>
    private static long TreatingSeconds(IEnumerable<VisitKpiFact> visits)
    {
        long total = 0;
        DateTimeOffset? spanStart = null, spanEnd = null;
        foreach (var (start, end) in visits.Where(v => v.StartedAt is not null && v.FinishedAt > v.StartedAt)
                     .Select(v => (Start: v.StartedAt!.Value, End: v.FinishedAt!.Value)).OrderBy(s => s.Start))
        {
            if (spanEnd is { } openEnd && start <= openEnd)
            {
                spanEnd = end > openEnd ? end : openEnd;
                continue;
            }

            total += Seconds(spanStart, spanEnd);
            (spanStart, spanEnd) = (start, end);
        }

        return total + Seconds(spanStart, spanEnd);
    }

    private static long Seconds(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e ? (long)Math.Floor((e - s).TotalSeconds) : 0;
}
