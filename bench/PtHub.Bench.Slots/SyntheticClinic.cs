using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;
using PtHub.Web.Endpoints;

namespace PtHub.Bench.Slots;

/// <summary>A visit the bench books: the same one goes into the pure data set and, over REST, into the node.</summary>
internal sealed record PlannedVisit(int Day, string TherapistId, DateTimeOffset Start, int Minutes, string RoomId, int Patient);

/// <summary>
/// The synthetic clinic: open 07:00-19:00 every day, six therapists (overlap capacity 1-3, working hours with a
/// lunch break, every day), a gym and three private rooms; and its schedule over the searched days.
/// </summary>
internal sealed class SyntheticClinic
{
    public const string ClinicId = "slots-bench";

    public const string VisitType = "follow-up";

    /// <summary>Id, name, overlap capacity, morning and afternoon spans.</summary>
    private static readonly (string Id, string Name, int Capacity, string[] Spans)[] Staff =
    [
        ("t1", "Ann P., PT", 1, ["07:00-12:00", "12:30-17:00"]),
        ("t2", "Bob Q., PTA", 2, ["08:00-12:00", "12:45-17:00"]),
        ("t3", "Cleo R., PT", 3, ["09:00-13:00", "13:30-18:00"]),
        ("t4", "Dev S., PT", 1, ["10:30-14:30", "15:00-19:00"]),
        ("t5", "Eva T., PTA", 2, ["07:00-11:00", "11:45-16:00"]),
        ("t6", "Finn U., PT", 3, ["11:00-15:00", "15:30-19:00"]),
    ];

    private static readonly string[] PrivateRooms = ["room-1", "room-2", "room-3"];

    private SyntheticClinic(ClinicConfigRequest request, DateOnly from, IReadOnlyList<PlannedVisit> visits,
        IReadOnlyList<Dictionary<string, VisitSnapshot>> days)
    {
        Request = request;
        Config = request.ToConfig();
        From = from;
        Visits = visits;
        DayVisits = days;
    }

    /// <summary>What the bench PUTs; <see cref="Config"/> is what the node makes of it (the same code).</summary>
    public ClinicConfigRequest Request { get; }

    public ClinicConfig Config { get; }

    public DateOnly From { get; }

    public IReadOnlyList<PlannedVisit> Visits { get; }

    /// <summary>Per day, the day's visits as the clinic-day grain holds them (by visit id).</summary>
    public IReadOnlyList<Dictionary<string, VisitSnapshot>> DayVisits { get; }

    public IReadOnlyList<string> TherapistIds => [.. Config.Therapists.Select(t => t.Id)];

    public string Describe() =>
        string.Join(", ", Config.Therapists.Select(t =>
            $"{t.Id} cap {t.MaxConcurrentPatients} {string.Join("+", Staff.First(s => s.Id == t.Id).Spans)}"));

    /// <summary>Visits per therapist and day: min, mean, max.</summary>
    public (int Min, double Mean, int Max) PerTherapistDay()
    {
        var counts = DayVisits.SelectMany(d => TherapistIds.Select(t => d.Values.Count(v => v.TherapistId == t))).ToArray();
        return (counts.Min(), counts.Average(), counts.Max());
    }

    /// <summary>
    /// Places up to <paramref name="perDay"/> visits per therapist and day at random 15-minute starts (seeded), each
    /// kept only if <see cref="ScheduleRules.Conflicts"/> finds nothing against the visits already placed: so the
    /// whole schedule can be booked without an override, in any order.
    /// </summary>
    public static SyntheticClinic Create(string zone, DateOnly from, int days, int perDay, int patients, int seed)
    {
        var request = new ClinicConfigRequest(
            "Free-slot bench clinic",
            zone,
            [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))],
            [
                new TreatmentSpace("gym", "Gym", TreatmentSpaceKind.Gym, 12),
                .. PrivateRooms.Select((id, i) => new TreatmentSpace(id, $"Room {i + 1}", TreatmentSpaceKind.Private, 1)),
            ],
            [.. Staff.Select(s => new TherapistProfile(s.Id, s.Name, s.Capacity, [.. Enum.GetValues<DayOfWeek>().SelectMany(d => s.Spans.Select(span => Hours(d, span)))]))],
            null,
            null,
            null);
        var config = request.ToConfig();
        var random = new Random(seed);
        var visits = new List<PlannedVisit>();
        var byDay = new List<Dictionary<string, VisitSnapshot>>();
        var nextPatient = 0;
        for (var d = 0; d < days; d++)
        {
            var date = from.AddDays(d);
            var day = new Dictionary<string, VisitSnapshot>();
            var (opens, closes) = config.OpenOn(date) ?? throw new InvalidOperationException("The clinic is open every day.");
            foreach (var therapist in config.Therapists)
            {
                var starts = Enumerable.Range(0, (int)((closes - opens).TotalMinutes / 15)).Select(i => opens.AddMinutes(15 * i)).ToArray();
                random.Shuffle(starts);
                var placed = 0;
                foreach (var start in starts)
                {
                    if (placed == perDay)
                    {
                        break;
                    }

                    var minutes = Minutes(random, therapist.MaxConcurrentPatients);
                    var end = start.AddMinutes(minutes);
                    var patient = FreePatient(day.Values, start, end, ref nextPatient, patients);
                    var rooms = therapist.MaxConcurrentPatients == 1 ? PrivateRooms : ["gym"];
                    foreach (var room in rooms)
                    {
                        var proposed = new ProposedVisit(therapist.Id, start, minutes, room, PatientKey(patient));
                        if (ScheduleRules.Conflicts(config, date, day.Values, proposed).Count == 0)
                        {
                            var visit = new PlannedVisit(d, therapist.Id, start, minutes, room, patient);
                            visits.Add(visit);
                            var id = $"v{d:00}-{therapist.Id}-{placed:00}";
                            day[id] = Snapshot(id, date, visit);
                            placed++;
                            nextPatient = (patient + 1) % patients;
                            break;
                        }
                    }
                }
            }

            byDay.Add(day);
        }

        return new SyntheticClinic(request, from, visits, byDay);
    }

    /// <summary>Only this therapist's visits, on the same days: the "busy therapist alone" data set.</summary>
    public IReadOnlyList<Dictionary<string, VisitSnapshot>> OnlyVisitsOf(string therapistId) =>
        [.. DayVisits.Select(d => d.Where(v => v.Value.TherapistId == therapistId).ToDictionary())];

    public static string PatientKey(int patient) => $"p{patient:000}";

    private static WorkingHours Hours(DayOfWeek day, string span) =>
        new(day, TimeOnly.Parse(span[..5], System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(span[6..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A one-to-one therapist sees short visits; group therapists mostly 45 minutes.</summary>
    private static int Minutes(Random random, int capacity) =>
        (capacity, random.Next(100)) switch
        {
            (1, < 70) => 30,
            (1, _) => 45,
            (_, < 25) => 30,
            (_, < 75) => 45,
            _ => 60,
        };

    /// <summary>The next patient in turn who has nothing else booked during [start, end) that day.</summary>
    private static int FreePatient(IEnumerable<VisitSnapshot> day, DateTimeOffset start, DateTimeOffset end, ref int next, int patients)
    {
        var busy = day.Where(v => TimeSpans.Overlap(v.ScheduledStart, v.ScheduledStart.AddMinutes(v.DurationMinutes), start, end))
            .Select(v => v.PatientId).ToHashSet();
        for (var i = 0; i < patients; i++)
        {
            var candidate = (next + i) % patients;
            if (!busy.Contains(PatientKey(candidate)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Too few patients for the schedule; raise --patients.");
    }

    private static VisitSnapshot Snapshot(string id, DateOnly date, PlannedVisit visit) =>
        new(id, ClinicId, PatientKey(visit.Patient), date, VisitType, visit.Start, visit.Minutes, VisitStatus.Booked, visit.Start,
            visit.TherapistId, null, null, null, null, null, false, false, null, 1, null, ValueList<RoomStay>.Empty, PlannedRoomId: visit.RoomId);
}
