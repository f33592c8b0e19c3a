using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Builds the manager's view from the day's visits: occupancy and utilization of each space and therapist,
/// counts by status, the KPIs of DOMAIN.md and a 15-minute curve of waiting and treated patients. Pure.
/// </summary>
public static class ManagerProjection
{
    public static readonly TimeSpan TimelineStep = TimeSpan.FromMinutes(15);

    public static ManagerView Build(DayData day, long version, DateTimeOffset now)
    {
        var config = day.Config;
        var visits = day.Visits.Values.Where(v => v.Status != VisitStatus.EnteredInError).ToList();
        var (opens, closes) = config.OpenOn(day.Date) ?? (now, now);
        var openSoFar = Clamp(now, opens, closes) - opens;

        var spaces = config.Rooms.Select(room =>
        {
            var occupied = visits.Count(v => v.RoomId == room.Id && v.RoomStays.Count > 0 && v.RoomStays[^1].Until is null);
            var used = visits.SelectMany(v => v.RoomStays).Where(s => s.RoomId == room.Id)
                .Sum(s => Overlap(s.From, s.Until ?? now, opens, Min(now, closes)).TotalMinutes);
            var state = room.OutOfService ? "out-of-service" : occupied == 0 ? "free" : occupied >= room.Capacity ? "full" : "occupied";
            return new SpaceLoad(room.Id, room.Name, room.Kind, room.Capacity, occupied, state,
                Percent(used, room.Capacity * openSoFar.TotalMinutes));
        }).ToValueList();

        var therapists = config.Therapists.Select(t =>
        {
            var mine = visits.Where(v => v.TherapistId == t.Id).ToList();
            var treating = UnionMinutes(mine.Where(v => v.TreatmentStartedAt is not null)
                .Select(v => (v.TreatmentStartedAt!.Value, v.TreatmentFinishedAt ?? now)), opens, now);
            var scheduled = mine.Where(v => v.Status is not (VisitStatus.Cancelled or VisitStatus.NoShow)).Sum(v => v.DurationMinutes);
            return new TherapistLoad(t.Id, t.DisplayName, t.MaxConcurrentPatients,
                mine.Count(v => v.Status == VisitStatus.InTreatment), mine.Count(v => IsWaiting(v.Status)),
                (int)treating, scheduled, Percent(treating, openSoFar.TotalMinutes));
        }).ToValueList();

        var byStatus = Enum.GetValues<VisitStatus>()
            .Select(s => new StatusCount(s, day.Visits.Values.Count(v => v.Status == s)))
            .Where(c => c.Count > 0).ToValueList();
        return new ManagerView(day.ClinicId, day.Date, version, config.Name, spaces, therapists, byStatus,
            Kpis(visits, now), Timeline(visits, opens, now), now);
    }

    public static DayKpis Kpis(IReadOnlyCollection<VisitSnapshot> visits, DateTimeOffset now)
    {
        var scheduled = visits.Count;
        var cancelled = visits.Count(v => v.Status == VisitStatus.Cancelled);
        var noShows = visits.Count(v => v.Status == VisitStatus.NoShow);
        var waits = visits.Where(v => v.Wait is not null).Select(v => v.Wait!.Value.TotalMinutes).ToList();
        var waitingNow = visits.Where(v => IsWaiting(v.Status) && v.ArrivedAt is not null)
            .Select(v => (now - v.ArrivedAt!.Value).TotalMinutes).ToList();
        return new DayKpis(
            scheduled,
            visits.Count(v => v.ArrivedAt is not null),
            visits.Count(v => v.Status == VisitStatus.CheckedOut),
            cancelled,
            noShows,
            scheduled == 0 ? 0 : (int)Math.Round(100.0 * (cancelled + noShows) / scheduled),
            waits.Count == 0 ? null : (int)Math.Round(waits.Average()),
            waitingNow.Count,
            visits.Count(v => v.Status == VisitStatus.InTreatment),
            waitingNow.Count == 0 ? null : (int)waitingNow.Average(),
            waitingNow.Count == 0 ? null : (int)waitingNow.Max());
    }

    /// <summary>Patients waiting and in treatment at every quarter hour from opening (or the first arrival) to now.</summary>
    public static ValueList<TimelinePoint> Timeline(IReadOnlyCollection<VisitSnapshot> visits, DateTimeOffset opens, DateTimeOffset now)
    {
        var first = visits.Select(v => v.ArrivedAt).OfType<DateTimeOffset>().DefaultIfEmpty(opens).Min();
        var start = Min(opens, first);
        start = start.AddTicks(-(start.UtcTicks % TimelineStep.Ticks));
        var points = new List<TimelinePoint>();
        for (var t = start; t <= now; t += TimelineStep)
        {
            var at = t;
            var waiting = visits.Count(v => v.ArrivedAt <= at && at < (v.TreatmentStartedAt ?? LeftAt(v) ?? DateTimeOffset.MaxValue));
            var treating = visits.Count(v => v.TreatmentStartedAt <= at && at < (v.TreatmentFinishedAt ?? DateTimeOffset.MaxValue));
            points.Add(new TimelinePoint(at, waiting, treating));
        }

        return points;
    }

    private static DateTimeOffset? LeftAt(VisitSnapshot v) => v.Status.IsClosed() ? v.StatusSince : null;

    private static bool IsWaiting(VisitStatus status) => status is VisitStatus.Arrived or VisitStatus.CheckedIn;

    /// <summary>Minutes covered by at least one of the intervals, within [from, until].</summary>
    private static double UnionMinutes(IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> intervals, DateTimeOffset from, DateTimeOffset until)
    {
        var total = TimeSpan.Zero;
        var end = DateTimeOffset.MinValue;
        foreach (var (a, b) in intervals.Select(i => (Max(i.From, from), Min(i.Until, until))).Where(i => i.Item1 < i.Item2).OrderBy(i => i.Item1))
        {
            var s = Max(a, end);
            if (b > s)
            {
                total += b - s;
                end = b;
            }
        }

        return Math.Floor(total.TotalMinutes);
    }

    private static TimeSpan Overlap(DateTimeOffset a1, DateTimeOffset a2, DateTimeOffset b1, DateTimeOffset b2) =>
        Min(a2, b2) - Max(a1, b1) is var span && span > TimeSpan.Zero ? span : TimeSpan.Zero;

    private static int Percent(double part, double whole) => whole <= 0 ? 0 : (int)Math.Round(Math.Min(100, 100 * part / whole));

    private static DateTimeOffset Clamp(DateTimeOffset t, DateTimeOffset lo, DateTimeOffset hi) => Max(lo, Min(t, hi));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
