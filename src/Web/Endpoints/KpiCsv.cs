using System.Globalization;
using System.Text;
using PtHub.Grains.Kpis;

namespace PtHub.Web.Endpoints;

/// <summary>A KPI report as CSV: every table of the screen, one line per period, therapist and clinic, and the total.</summary>
internal static class KpiCsv
{
    private static readonly (string Name, Func<KpiFigures, object?> Value)[] Columns =
    [
        ("start", f => f.Start), ("end", f => f.End), ("scheduled", f => f.Scheduled), ("arrived", f => f.Arrived),
        ("attended", f => f.Attended), ("cancelled", f => f.Cancelled), ("late_cancelled", f => f.LateCancelled),
        ("no_shows", f => f.NoShows), ("left_unseen", f => f.LeftUnseen), ("initial_evaluations", f => f.InitialEvaluations),
        ("walk_ins", f => f.WalkIns), ("waits_measured", f => f.WaitsMeasured), ("units", f => f.Units), ("charges", f => f.Charges),
        ("copays_collected", f => f.CopaysCollected), ("copay_amount", f => f.CopayAmount), ("treating_minutes", f => f.TreatingMinutes),
        ("working_minutes", f => f.WorkingMinutes), ("productivity", f => f.Productivity),
        ("occupied_minutes", f => f.OccupiedMinutes), ("space_minutes", f => f.SpaceMinutes), ("space_utilization", f => f.SpaceUtilization),
        ("arrival_rate", f => f.ArrivalRate), ("cancellation_rate", f => f.CancellationRate),
        ("late_cancellation_rate", f => f.LateCancellationRate), ("no_show_rate", f => f.NoShowRate),
        ("cancel_no_show_rate", f => f.CancelNoShowRate), ("walk_in_rate", f => f.WalkInRate), ("units_per_visit", f => f.UnitsPerVisit),
        ("charges_per_visit", f => f.ChargesPerVisit), ("wait_mean", f => f.WaitMean), ("wait_median", f => f.WaitMedian),
        ("wait_90th", f => f.Wait90th), ("seen_within_15_rate", f => f.SeenWithin15Rate), ("on_time_start_rate", f => f.OnTimeStartRate),
        ("quote_mae", f => f.QuoteMae), ("copays_due", f => f.CopaysDue), ("copay_due_amount", f => f.CopayDueAmount),
        ("copays_due_collected", f => f.CopaysDueCollected), ("copay_due_collected_amount", f => f.CopayDueCollectedAmount),
        ("copay_collection_rate", f => f.CopayCollectionRate), ("copay_visit_collection_rate", f => f.CopayVisitCollectionRate),
        ("plans_discharged", f => f.PlansDischarged), ("discharged_plan_visits", f => f.DischargedPlanVisits),
        ("visits_per_discharge", f => f.VisitsPerDischarge), ("plan_days", f => f.PlanDays), ("plan_visits_attended", f => f.PlanVisitsAttended),
        ("plan_weekly_frequency", f => f.PlanWeeklyFrequency), ("prescribed_weekly_frequency", f => f.PrescribedWeeklyFrequency),
        ("weekly_frequency_rate", f => f.WeeklyFrequencyRate), ("plans_active", f => f.PlansActive),
        ("plans_under_scheduled", f => f.PlansUnderScheduled), ("under_scheduled_visits", f => f.UnderScheduledVisits),
    ];

    public static string Header => "table,id," + string.Join(',', Columns.Select(c => c.Name));

    public static string Write(KpiReport report)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var period in report.Periods)
        {
            Line(csv, "period", "", period);
        }

        foreach (var therapist in report.Therapists)
        {
            Line(csv, "therapist", therapist.Id, therapist.Figures);
        }

        foreach (var clinic in report.Clinics)
        {
            Line(csv, "clinic", clinic.Id, clinic.Figures);
        }

        Line(csv, "total", "", report.Total);
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, string table, string id, KpiFigures figures)
    {
        csv.Append(table).Append(',').Append(Cell(id));
        foreach (var (_, value) in Columns)
        {
            csv.Append(',').Append(value(figures) switch
            {
                null => "",
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => Cell(other.ToString() ?? ""),
            });
        }

        csv.Append('\n');
    }

    /// <summary>Ids are letters, digits and dashes, but a cell is still defused for spreadsheets and quoted if needed.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
