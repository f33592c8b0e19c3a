namespace PtHub.Tests.Kpis;

/// <summary>
/// The plan-of-care figures of docs/figures.md worked out again from the test's own record of its plans and their
/// visits, a day at a time and apart from PtHub's code: every figure keyed by its JSON name.
/// </summary>
public static class KpiPlanExpectation
{
    /// <param name="plans">The plans counted (one therapist's: those naming them; one clinic's: its own).</param>
    /// <param name="visits">Every visit the test booked, past and ahead.</param>
    /// <param name="today">The clinics' today: a plan is discharged once its last day is before it; only days before it are past.</param>
    public static Dictionary<string, double?> Of(IEnumerable<PlayedPlan> plans, IEnumerable<PlayedVisit> visits, DateOnly from, DateOnly to, DateOnly today)
    {
        var all = visits.Where(v => v.Status != "entered-in-error").ToList();
        int discharged = 0, dischargedVisits = 0, pastDays = 0, attended = 0, active = 0, under = 0, missing = 0;
        long prescribedVisitDays = 0; // visits a week × days: the visits prescribed, times 7
        foreach (var plan in plans)
        {
            var own = all.Where(v => v.Plan == plan).ToList();
            if (plan.End >= from && plan.End <= to && plan.End < today)
            {
                discharged++;
                dischargedVisits += own.Count(v => v.Status == "checked-out");
            }

            var days = new List<DateOnly>();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (day >= plan.Start && day <= plan.End)
                {
                    days.Add(day);
                }
            }

            var past = days.Where(d => d < today).ToList();
            pastDays += past.Count;
            prescribedVisitDays += plan.VisitsPerWeek * past.Count;
            attended += own.Count(v => v.Status == "checked-out" && past.Contains(v.Day));
            if (days.Count > 0)
            {
                active++;
                var required = (int)Math.Floor(plan.VisitsPerWeek * days.Count / 7.0);
                var booked = own.Count(v => v.Status != "cancelled" && days.Contains(v.Day));
                if (booked < required)
                {
                    under++;
                    missing += required - booked;
                }
            }
        }

        return new Dictionary<string, double?>
        {
            ["plansDischarged"] = discharged,
            ["dischargedPlanVisits"] = dischargedVisits,
            ["visitsPerDischarge"] = discharged == 0 ? null : Math.Round((double)dischargedVisits / discharged, 2, MidpointRounding.AwayFromZero),
            ["planDays"] = pastDays,
            ["planVisitsAttended"] = attended,
            ["planWeeklyFrequency"] = pastDays == 0 ? null : Math.Round(7.0 * attended / pastDays, 2, MidpointRounding.AwayFromZero),
            ["prescribedWeeklyFrequency"] = pastDays == 0 ? null : Math.Round((double)prescribedVisitDays / pastDays, 2, MidpointRounding.AwayFromZero),
            ["weeklyFrequencyRate"] = prescribedVisitDays == 0 ? null : Math.Round(100.0 * (7 * attended) / prescribedVisitDays, 1, MidpointRounding.AwayFromZero),
            ["plansActive"] = active,
            ["plansUnderScheduled"] = under,
            ["underScheduledVisits"] = missing,
        };
    }
}
