using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Builds the manager's view from the day's visits: occupancy and utilization of each space and therapist,
/// counts by status, the KPIs and a quarter-hourly curve of waiting and treated patients. Every figure is defined
/// in docs/figures.md; this is its one implementation. Pure.
/// </summary>
public static class ManagerProjection
{
    public static readonly TimeSpan TimelineStep = TimeSpan.FromMinutes(15);

    public static ManagerView Build(DayData day, long version, DateTimeOffset now)
    {
        var config = day.Config;
        var visits = day.Visits.Values.Where(v => v.Status != VisitStatus.EnteredInError).ToList();
        var span = DaySpan.Of(config, day.Date, visits, now);

        var spaces = config.Rooms.Select(room =>
        {
            var occupied = visits.Count(v => v.RoomId == room.Id && v.RoomStays.Count > 0 && v.RoomStays[^1].Until is null);
            var used = visits.SelectMany(v => v.RoomStays).Where(s => s.RoomId == room.Id)
                .Sum(s => span.Overlap(s.From, s.Until ?? now).TotalMinutes);
            var available = room.Capacity * span.Length.TotalMinutes;
            var state = room.OutOfService ? "out-of-service" : occupied == 0 ? "free" : occupied >= room.Capacity ? "full" : "occupied";
            return new SpaceLoad(room.Id, room.Name, room.Kind, room.Capacity, occupied, state,
                Percent(used, available), (int)Math.Floor(used), (int)Math.Floor(available));
        }).ToValueList();

        var therapists = config.Therapists.Select(t =>
        {
            var mine = visits.Where(v => v.TherapistId == t.Id).ToList();
            var working = ScheduleRules.WorkingSpans(config, t, day.Date)
                .Select(w => (From: Max(w.From, span.From), Until: Min(w.Until, now)))
                .Where(w => w.From < w.Until).ToList();
            var treatments = mine.Where(v => v.TreatmentStartedAt is not null)
                .Select(v => (v.TreatmentStartedAt!.Value, v.TreatmentFinishedAt ?? (v.Status == VisitStatus.InTreatment ? now : v.StatusSince)))
                .ToList();
            var workingMinutes = UnionMinutes(working);
            var treatingMinutes = working.Sum(w => UnionMinutes(treatments.Select(x => (Max(x.Item1, w.From), Min(x.Item2, w.Until)))));
            var scheduled = mine.Where(v => v.Status is not (VisitStatus.Cancelled or VisitStatus.NoShow)).Sum(v => v.DurationMinutes);
            return new TherapistLoad(t.Id, t.DisplayName, t.MaxConcurrentPatients,
                mine.Count(v => v.Status == VisitStatus.InTreatment), mine.Count(v => IsWaiting(v.Status)),
                (int)Math.Floor(treatingMinutes), scheduled, Percent(treatingMinutes, workingMinutes), (int)Math.Floor(workingMinutes));
        }).ToValueList();

        var byStatus = Enum.GetValues<VisitStatus>()
            .Select(s => new StatusCount(s, day.Visits.Values.Count(v => v.Status == s)))
            .Where(c => c.Count > 0).ToValueList();
        return new ManagerView(day.ClinicId, day.Date, version, config.Name, spaces, therapists, byStatus,
            Kpis(visits, now), Timeline(visits, span.From, now), now, config.TimeZoneId);
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
            scheduled == 0 ? 0 : Round(100.0 * (cancelled + noShows) / scheduled),
            waits.Count == 0 ? null : Round(waits.Average()),
            waitingNow.Count,
            visits.Count(v => v.Status == VisitStatus.InTreatment),
            waitingNow.Count == 0 ? null : (int)Math.Floor(waitingNow.Average()),
            waitingNow.Count == 0 ? null : (int)Math.Floor(waitingNow.Max()),
            waits.Count);
    }

    /// <summary>
    /// Patients waiting and in treatment at every quarter hour from the start of the day's span, and at now itself, so
    /// the curve always ends where the tiles stand. The last point is taken at the whole minute, so time alone moves the
    /// view (and pushes it) once a minute rather than at every tick.
    /// </summary>
    public static ValueList<TimelinePoint> Timeline(IReadOnlyCollection<VisitSnapshot> visits, DateTimeOffset from, DateTimeOffset now)
    {
        var start = Min(from, visits.Select(v => v.ArrivedAt).OfType<DateTimeOffset>().DefaultIfEmpty(from).Min());
        start = start.AddTicks(-(start.UtcTicks % TimelineStep.Ticks));
        var end = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMinute));
        end = end > start ? end : now;
        var points = new List<TimelinePoint>();
        for (var t = start; t < end; t += TimelineStep)
        {
            points.Add(At(visits, t));
        }

        points.Add(At(visits, end));
        return points;
    }

    private static TimelinePoint At(IReadOnlyCollection<VisitSnapshot> visits, DateTimeOffset at) => new(at,
        visits.Count(v => v.ArrivedAt <= at && at < (v.TreatmentStartedAt ?? LeftAt(v) ?? DateTimeOffset.MaxValue)),
        visits.Count(v => v.TreatmentStartedAt <= at && at < (v.TreatmentFinishedAt ?? LeftAt(v) ?? DateTimeOffset.MaxValue)));

    private static DateTimeOffset? LeftAt(VisitSnapshot v) => v.Status.IsClosed() ? v.StatusSince : null;

    private static bool IsWaiting(VisitStatus status) => status is VisitStatus.Arrived or VisitStatus.CheckedIn;

    /// <summary>Minutes covered by at least one of the intervals.</summary>
    private static double UnionMinutes(IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> intervals)
    {
        var total = TimeSpan.Zero;
        var end = DateTimeOffset.MinValue;
        foreach (var (a, b) in intervals.Where(i => i.From < i.Until).OrderBy(i => i.From))
        {
            var s = Max(a, end);
            if (b > s)
            {
                total += b - s;
                end = b;
            }
        }

        return total.TotalMinutes;
    }

    private static int Percent(double part, double whole) => whole <= 0 ? 0 : Round(Math.Min(100, 100 * part / whole));

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
