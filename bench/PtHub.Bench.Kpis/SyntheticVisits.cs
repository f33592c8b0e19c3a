using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;

namespace PtHub.Bench.Kpis;

/// <summary>
/// Plausible visits (8 % cancelled, 7 % no-show, the rest seen with waits of 0-40 min) as the KPI facts the event log
/// keeps for each and the raw events that lead to them. Every event of a visit falls on the visit's day (UTC clinics;
/// booked at 13:00 that day, cancelled two hours before the start), so a GROUP BY over the events finds each visit's day.
/// </summary>
internal static class SyntheticVisits
{
    public static IEnumerable<VisitKpiFact> Of(string clinicId, DateOnly first, int days, int perDay, Random random)
    {
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            var morning = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
            for (var v = 0; v < perDay; v++)
            {
                var scheduled = morning.AddMinutes(20 * v);
                var roll = random.Next(100);
                var status = roll < 8 ? "cancelled" : roll < 15 ? "noshow" : "checked-out";
                var seen = status == "checked-out";
                var arrived = seen ? scheduled.AddMinutes(random.Next(-10, 6)) : (DateTimeOffset?)null;
                var started = arrived?.AddMinutes(random.Next(0, 41));
                yield return new VisitKpiFact(clinicId, $"{clinicId}-{d}-{v}", day, $"p-{random.Next(400)}", $"t-{v % 6}",
                    random.Next(100) < 12 ? "initial-evaluation" : "follow-up", status, false, status == "cancelled" && random.Next(2) == 0,
                    scheduled, arrived, started, started?.AddMinutes(45), seen ? random.Next(0, 30) : null, seen ? random.Next(2, 6) : 0,
                    seen ? random.Next(8000, 16000) : 0, seen && random.Next(2) == 0 ? 2500 : null, seen ? 6 : 2);
            }
        }
    }

    /// <summary>The visit's events (sequence, time, action, from, to), as many as its facts' sequence says.</summary>
    public static IEnumerable<(int Seq, DateTimeOffset At, VisitAction Action, VisitStatus? From, VisitStatus To)> EventsOf(VisitKpiFact f)
    {
        var booked = new DateTimeOffset(f.Day.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
        yield return (1, booked, VisitAction.Book, null, VisitStatus.Booked);
        if (f.Status == "cancelled")
        {
            yield return (2, f.ScheduledStart.AddHours(-2) > booked ? f.ScheduledStart.AddHours(-2) : booked, VisitAction.Cancel, VisitStatus.Booked, VisitStatus.Cancelled);
            yield break;
        }

        if (f.Status == "noshow")
        {
            yield return (2, f.ScheduledStart.AddMinutes(15), VisitAction.NoShow, VisitStatus.Booked, VisitStatus.NoShow);
            yield break;
        }

        yield return (2, f.ArrivedAt!.Value, VisitAction.Arrive, VisitStatus.Booked, VisitStatus.Arrived);
        yield return (3, f.ArrivedAt!.Value, VisitAction.CheckIn, VisitStatus.Arrived, VisitStatus.CheckedIn);
        yield return (4, f.StartedAt!.Value, VisitAction.StartTreatment, VisitStatus.CheckedIn, VisitStatus.InTreatment);
        yield return (5, f.FinishedAt!.Value, VisitAction.Finish, VisitStatus.InTreatment, VisitStatus.Finished);
        yield return (6, f.FinishedAt!.Value.AddMinutes(2), VisitAction.CheckOut, VisitStatus.Finished, VisitStatus.CheckedOut);
    }
}
