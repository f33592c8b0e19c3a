namespace PtHub.Simulator;

/// <summary>A visit type of the simulated clinics: booked length, room need, and how real sessions vary around it.</summary>
internal sealed record SimVisitType(string Code, string Name, int Minutes, bool NeedsPrivateRoom, double MeanFactor, double SpreadFactor);

/// <summary>A therapist of a simulated clinic: overlap capacity, two shifts with a break between, and today's disruptions.</summary>
internal sealed record SimTherapist(string Id, string Name, int Capacity, TimeOnly Start, TimeOnly BreakStart, TimeOnly BreakEnd, TimeOnly End,
    int LateStartMinutes, TimeOnly? InterruptionAt, int InterruptionMinutes);

/// <summary>How one booked (or walk-in) patient's day will really go; drawn up front from the clinic's seeded random.</summary>
internal sealed class PlannedVisit
{
    public required int Index { get; init; }
    public required string TherapistId { get; set; }
    public required SimVisitType Type { get; init; }
    public required DateTimeOffset ScheduledStart { get; set; }
    public required bool WalkIn { get; init; }
    public required Fate Fate { get; init; }
    public DateTimeOffset? CancelAt { get; init; }
    /// <summary>Arrival minus scheduled start, in minutes (negative = early).</summary>
    public required int LatenessMinutes { get; init; }
    public required int CheckInDelayMinutes { get; init; }
    public required int ActualMinutes { get; init; }
    public required int CheckOutDelayMinutes { get; init; }

    // What really happened (the simulator's model), filled in while the day runs.
    public string? VisitId { get; set; }
    public string? PatientId { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishAt { get; set; }
    public DateTimeOffset? CheckOutAt { get; set; }
    public string? RoomId { get; set; }
    public bool Closed { get; set; }
    public double? BaselineScheduled { get; set; }
    public double? BaselineAverage { get; set; }
    public double? Candidate { get; set; }

    public DateTimeOffset ArrivalTime => ScheduledStart.AddMinutes(LatenessMinutes);
}

internal enum Fate
{
    Attends,
    Cancels,
    NoShow,
}

/// <summary>A clinic's shape and its day, generated from a seed: 3-12 therapists, private rooms and a gym, 40-150 visits.</summary>
internal sealed class ClinicPlan
{
    public static readonly IReadOnlyList<SimVisitType> VisitTypes =
    [
        new("initial-evaluation", "Initial evaluation", 60, NeedsPrivateRoom: true, MeanFactor: 1.0, SpreadFactor: 0.15),
        new("follow-up", "Follow-up", 45, NeedsPrivateRoom: false, MeanFactor: 1.05, SpreadFactor: 0.15),
        new("re-evaluation", "Re-evaluation", 45, NeedsPrivateRoom: true, MeanFactor: 1.0, SpreadFactor: 0.12),
        new("brief-follow-up", "Brief follow-up", 30, NeedsPrivateRoom: false, MeanFactor: 1.1, SpreadFactor: 0.2),
    ];

    public const string TimeZoneId = "America/New_York";
    public static readonly TimeOnly Opens = new(7, 0);
    public static readonly TimeOnly Closes = new(19, 0);
    public const int NoShowGraceMinutes = 15;

    public required string Id { get; init; }
    public required IReadOnlyList<SimTherapist> Therapists { get; init; }
    public required int PrivateRooms { get; init; }
    public required int GymCapacity { get; init; }
    public required List<PlannedVisit> Visits { get; init; }
    public required int TargetVisits { get; init; }

    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static ClinicPlan Generate(string id, DateOnly date, Random rng)
    {
        var target = rng.Next(40, 151);
        var count = Math.Clamp((int)Math.Round(target / (9.0 + rng.NextDouble() * 4)), 3, 12);
        var caps = Enumerable.Range(0, count).Select(_ => Pick(rng, (1, 0.4), (2, 0.45), (3, 0.15))).ToArray();
        // About 8.5 visits per overlap lane a day fill a schedule; a clinic books 70-95 % of it.
        while (caps.Sum() * 8.5 * 0.9 < target && caps.Any(c => c < 3))
        {
            var i = rng.Next(count);
            caps[i] = Math.Min(3, caps[i] + 1);
        }

        var therapists = new List<SimTherapist>();
        for (var i = 0; i < count; i++)
        {
            var start = new TimeOnly(Pick(rng, (7, 0.2), (8, 0.4), (9, 0.25), (10, 0.15)), 0);
            var breakStart = start.AddHours(4);
            var breakEnd = breakStart.AddMinutes(rng.NextDouble() < 0.5 ? 30 : 60);
            var end = breakEnd.AddHours(4);
            var late = rng.NextDouble() < 0.25 ? rng.Next(10, 31) : 0;
            TimeOnly? interruption = rng.NextDouble() < 0.2 ? start.AddMinutes(rng.Next(60, 480)) : null;
            therapists.Add(new SimTherapist($"t{i + 1:00}", $"Therapist {(char)('A' + i)}., PT", caps[i], start, breakStart, breakEnd, end,
                late, interruption, interruption is null ? 0 : rng.Next(10, 26)));
        }

        // Candidate bookings: each therapist's overlap lanes packed with visits, the lanes staggered by a quarter hour.
        var candidates = new List<(SimTherapist Therapist, SimVisitType Type, DateTimeOffset Start)>();
        foreach (var therapist in therapists)
        {
            for (var lane = 0; lane < therapist.Capacity; lane++)
            {
                foreach (var (from, to) in new[] { (therapist.Start, therapist.BreakStart), (therapist.BreakEnd, therapist.End) })
                {
                    var t = from.AddMinutes(15 * lane);
                    while (true)
                    {
                        var type = Pick(rng, (VisitTypes[0], 0.15), (VisitTypes[1], 0.6), (VisitTypes[2], 0.1), (VisitTypes[3], 0.15));
                        // TimeOnly arithmetic wraps at midnight; compare as spans of the day.
                        var minutesLeft = (to.ToTimeSpan() - t.ToTimeSpan()).TotalMinutes;
                        if (t < from || type.Minutes > minutesLeft)
                        {
                            break;
                        }

                        candidates.Add((therapist, type, At(date, t)));
                        t = t.AddMinutes(Math.Ceiling(type.Minutes / 15.0) * 15 + (rng.NextDouble() < 0.15 ? 15 : 0));
                    }
                }
            }
        }

        var chosen = candidates.OrderBy(_ => rng.Next()).Take(target).OrderBy(c => c.Start).ThenBy(c => c.Therapist.Id, StringComparer.Ordinal).ToList();
        var cancelRate = 0.06 + rng.NextDouble() * 0.06;
        var noShowRate = 0.04 + rng.NextDouble() * 0.04;
        var visits = new List<PlannedVisit>();
        var dayStart = At(date, new TimeOnly(6, 30));
        foreach (var (therapist, type, start) in chosen)
        {
            var roll = rng.NextDouble();
            var fate = roll < cancelRate ? Fate.Cancels : roll < cancelRate + noShowRate ? Fate.NoShow : Fate.Attends;
            var cancelAt = start.AddMinutes(-rng.Next(30, 300));
            visits.Add(Draw(rng, visits.Count, therapist.Id, type, start, walkIn: false, fate,
                fate == Fate.Cancels ? (cancelAt < dayStart ? dayStart : cancelAt) : null));
        }

        // Walk-ins: 3-8 % on top of the schedule, during the day; their therapist is chosen when they come in.
        var walkIns = (int)Math.Round(target * (0.03 + rng.NextDouble() * 0.05));
        for (var i = 0; i < walkIns; i++)
        {
            var at = At(date, new TimeOnly(8, 0).AddMinutes(rng.Next(0, 9 * 60)));
            var type = rng.NextDouble() < 0.5 ? VisitTypes[1] : VisitTypes[3];
            visits.Add(Draw(rng, visits.Count, "", type, at, walkIn: true, Fate.Attends, null));
        }

        return new ClinicPlan
        {
            Id = id,
            Therapists = therapists,
            PrivateRooms = Math.Max(2, (int)Math.Round(count * 0.7)),
            GymCapacity = Math.Max(3, (int)Math.Ceiling(caps.Sum() * 0.6)),
            Visits = visits,
            TargetVisits = target,
        };
    }

    private static PlannedVisit Draw(Random rng, int index, string therapistId, SimVisitType type, DateTimeOffset start, bool walkIn, Fate fate,
        DateTimeOffset? cancelAt)
    {
        // Most patients come a little early; about a third are late, rarely by more than the no-show grace.
        var lateness = walkIn ? 0
            : rng.NextDouble() < 0.68 ? -(int)Math.Round(Math.Clamp(Normal(rng, 8, 5), 0, 25))
            : (int)Math.Round(Math.Min(NoShowGraceMinutes - 1, -Math.Log(1 - rng.NextDouble()) * 5));
        var factor = Math.Clamp(Normal(rng, type.MeanFactor, type.SpreadFactor), 0.6, 1.6);
        return new PlannedVisit
        {
            Index = index,
            TherapistId = therapistId,
            Type = type,
            ScheduledStart = start,
            WalkIn = walkIn,
            Fate = fate,
            CancelAt = cancelAt,
            LatenessMinutes = lateness,
            CheckInDelayMinutes = Pick(rng, (0, 0.3), (1, 0.4), (2, 0.2), (3, 0.1)),
            ActualMinutes = Math.Max(10, (int)Math.Round(type.Minutes * factor)),
            CheckOutDelayMinutes = rng.Next(1, 6),
        };
    }

    public static double Normal(Random rng, double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static T Pick<T>(Random rng, params (T Value, double Weight)[] choices)
    {
        var roll = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
