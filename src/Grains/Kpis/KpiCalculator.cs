namespace PtHub.Grains.Kpis;

/// <summary>Adds roll-up rows up and takes the rates from the sums (never an average of daily rates).</summary>
public static class KpiCalculator
{
    /// <param name="plans">Every day row of the plans of care whose days overlap the range (<see cref="Storage.IKpiStore.ReadPlansAsync"/>), any day.</param>
    /// <param name="todayOf">Each clinic's today: a plan is discharged once its end date is before it, and only days before it count as past.</param>
    public static IReadOnlyList<KpiFigures> ByPeriod(
        IReadOnlyList<KpiDayRow> rows, IReadOnlyList<KpiWaitCount> waits, IReadOnlyList<KpiWorkingTime> working, IReadOnlyList<KpiSpaceTime> spaces,
        DateOnly from, DateOnly to, KpiGrouping by, IReadOnlyList<KpiPlanDay>? plans = null, Func<string, DateOnly>? todayOf = null) =>
        [.. KpiPeriods.Of(from, to, by).Select(p => Figures(
            rows.Where(r => r.Day >= p.Start && r.Day <= p.End), waits.Where(w => w.Day >= p.Start && w.Day <= p.End),
            working.Where(w => w.Day >= p.Start && w.Day <= p.End), spaces.Where(s => s.Day >= p.Start && s.Day <= p.End), p.Start, p.End,
            plans, todayOf))];

    public static KpiFigures Figures(
        IEnumerable<KpiDayRow> rowsIn, IEnumerable<KpiWaitCount> waitsIn, IEnumerable<KpiWorkingTime> working, IEnumerable<KpiSpaceTime> spaces,
        DateOnly start, DateOnly end, IEnumerable<KpiPlanDay>? plans = null, Func<string, DateOnly>? todayOf = null) =>
        WithPlans(Figures(rowsIn, waitsIn, working, spaces, start, end), plans ?? [], todayOf ?? (_ => DateOnly.MaxValue));

    private static KpiFigures Figures(
        IEnumerable<KpiDayRow> rowsIn, IEnumerable<KpiWaitCount> waitsIn, IEnumerable<KpiWorkingTime> working, IEnumerable<KpiSpaceTime> spaces,
        DateOnly start, DateOnly end)
    {
        var rows = rowsIn.ToList();
        var workingSeconds = working.Sum(w => w.Seconds);
        var spaceSeconds = spaces.Sum(s => s.CapacitySeconds);
        int Sum(Func<KpiDayRow, int> f) => rows.Sum(f);
        long SumLong(Func<KpiDayRow, long> f) => rows.Sum(f);
        var scheduled = Sum(r => r.Scheduled);
        var attended = Sum(r => r.Attended);
        var measured = Sum(r => r.WaitsMeasured);
        var quotes = Sum(r => r.Quotes);
        var onTimeEligible = Sum(r => r.OnTimeEligible);
        var units = Sum(r => r.Units);
        var charges = SumLong(r => r.AllowedCents) / 100m;
        var copayDueCents = SumLong(r => r.CopayDueCents);
        var copaysDue = Sum(r => r.CopaysDue);
        var histogram = waitsIn.GroupBy(w => w.WaitMinutes).Select(g => (Minutes: g.Key, Visits: g.Sum(w => w.Visits))).OrderBy(w => w.Minutes).ToList();
        return new KpiFigures(start, end)
        {
            Scheduled = scheduled,
            Arrived = Sum(r => r.Arrived),
            Attended = attended,
            Cancelled = Sum(r => r.Cancelled),
            LateCancelled = Sum(r => r.LateCancelled),
            NoShows = Sum(r => r.NoShows),
            LeftUnseen = Sum(r => r.LeftUnseen),
            InitialEvaluations = Sum(r => r.InitialEvaluations),
            WalkIns = Sum(r => r.WalkIns),
            WaitsMeasured = measured,
            Units = units,
            Charges = charges,
            CopaysCollected = Sum(r => r.CopaysCollected),
            CopayAmount = SumLong(r => r.CopayCents) / 100m,
            TreatingMinutes = (int)(SumLong(r => r.TreatingSeconds) / 60),
            WorkingMinutes = (int)(workingSeconds / 60),
            Productivity = Percent(SumLong(r => r.TreatingSeconds), workingSeconds),
            OccupiedMinutes = (int)(SumLong(r => r.OccupiedSeconds) / 60),
            SpaceMinutes = (int)(spaceSeconds / 60),
            SpaceUtilization = Percent(SumLong(r => r.OccupiedSeconds), spaceSeconds),
            ArrivalRate = Percent(Sum(r => r.Arrived), scheduled),
            CancellationRate = Percent(Sum(r => r.Cancelled), scheduled),
            LateCancellationRate = Percent(Sum(r => r.LateCancelled), scheduled),
            NoShowRate = Percent(Sum(r => r.NoShows), scheduled),
            CancelNoShowRate = Percent(Sum(r => r.Cancelled + r.NoShows), scheduled),
            WalkInRate = Percent(Sum(r => r.WalkIns), scheduled),
            UnitsPerVisit = attended == 0 ? null : Math.Round((double)units / attended, 2, MidpointRounding.AwayFromZero),
            ChargesPerVisit = attended == 0 ? null : decimal.Round(charges / attended, 2, MidpointRounding.AwayFromZero),
            WaitMean = measured == 0 ? null : Math.Round(SumLong(r => r.WaitSeconds) / 60.0 / measured, 1, MidpointRounding.AwayFromZero),
            WaitMedian = Percentile(histogram, 50),
            Wait90th = Percentile(histogram, 90),
            SeenWithin15Rate = Percent(Sum(r => r.SeenWithin15), measured),
            OnTimeStartRate = Percent(Sum(r => r.OnTimeStarts), onTimeEligible),
            QuoteMae = quotes == 0 ? null : Math.Round(SumLong(r => r.QuoteErrorSeconds) / 60.0 / quotes, 1, MidpointRounding.AwayFromZero),
            CopaysDue = copaysDue,
            CopayDueAmount = copayDueCents / 100m,
            CopaysDueCollected = Sum(r => r.CopaysDueCollected),
            CopayDueCollectedAmount = SumLong(r => r.CopayDueCollectedCents) / 100m,
            CopayCollectionRate = Percent(SumLong(r => r.CopayDueCollectedCents), copayDueCents),
            CopayVisitCollectionRate = Percent(Sum(r => r.CopaysDueCollected), copaysDue),
        };
    }

    /// <summary>
    /// The plan-of-care figures of a period from the plans' day rows (docs/figures.md, "Plans of care"): a plan is
    /// discharged in the period its end date falls in, once that date is past; its weekly frequency counts its past days in
    /// the period; it is under-scheduled when its booked visits on its days in the period fall short of
    /// ⌊visits a week × days ÷ 7⌋.
    /// </summary>
    private static KpiFigures WithPlans(KpiFigures figures, IEnumerable<KpiPlanDay> planDays, Func<string, DateOnly> todayOf)
    {
        int discharged = 0, dischargedVisits = 0, planDaysPast = 0, attended = 0, active = 0, under = 0, shortVisits = 0;
        long prescribedTimesSeven = 0;
        foreach (var plan in planDays.GroupBy(p => (p.ClinicId, p.PlanId)))
        {
            var terms = plan.First();
            var today = todayOf(terms.ClinicId);
            if (terms.PlanEnd >= figures.Start && terms.PlanEnd <= figures.End && terms.PlanEnd < today)
            {
                discharged++;
                dischargedVisits += plan.Sum(p => p.Attended);
            }

            var from = Max(terms.PlanStart, figures.Start);
            var pastUntil = Min(Min(terms.PlanEnd, figures.End), today.AddDays(-1));
            if (from <= pastUntil)
            {
                var days = pastUntil.DayNumber - from.DayNumber + 1;
                planDaysPast += days;
                prescribedTimesSeven += (long)terms.VisitsPerWeek * days;
                attended += plan.Where(p => p.Day >= from && p.Day <= pastUntil).Sum(p => p.Attended);
            }

            var until = Min(terms.PlanEnd, figures.End);
            if (from <= until)
            {
                active++;
                var required = terms.VisitsPerWeek * (until.DayNumber - from.DayNumber + 1) / 7;
                var missing = required - plan.Where(p => p.Day >= from && p.Day <= until).Sum(p => p.Booked);
                if (missing > 0)
                {
                    under++;
                    shortVisits += missing;
                }
            }
        }

        return figures with
        {
            PlansDischarged = discharged,
            DischargedPlanVisits = dischargedVisits,
            VisitsPerDischarge = discharged == 0 ? null : Math.Round((double)dischargedVisits / discharged, 2, MidpointRounding.AwayFromZero),
            PlanDays = planDaysPast,
            PlanVisitsAttended = attended,
            PlanWeeklyFrequency = planDaysPast == 0 ? null : Math.Round(7.0 * attended / planDaysPast, 2, MidpointRounding.AwayFromZero),
            PrescribedWeeklyFrequency = planDaysPast == 0 ? null : Math.Round((double)prescribedTimesSeven / planDaysPast, 2, MidpointRounding.AwayFromZero),
            WeeklyFrequencyRate = Percent(7L * attended, prescribedTimesSeven),
            PlansActive = active,
            PlansUnderScheduled = under,
            UnderScheduledVisits = shortVisits,
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A share in percent with one decimal, halves away from zero; null when the base is 0.</summary>
    public static double? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Nearest rank: the smallest whole-minute wait with at least p % of the waits at or below it.</summary>
    public static int? Percentile(IReadOnlyList<(int Minutes, int Visits)> histogram, int p)
    {
        var total = histogram.Sum(h => h.Visits);
        if (total == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * total);
        var seen = 0;
        foreach (var (minutes, visits) in histogram)
        {
            seen += visits;
            if (seen >= rank)
            {
                return minutes;
            }
        }

        return histogram[^1].Minutes;
    }
}
