using System.Diagnostics;
using PtHub.Grains.Billing;
using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

// The schedule of a busy day (12 therapists, 150 visits) as the read side builds it, against the board of the same
// day in the same run: the snapshot a subscriber gets, and a refresh after one visit changed (which computes the
// board, lobby, manager and schedule deltas). Medians of repeated rounds; the ratio is what to compare between runs.
const int Therapists = 12, Visits = 150, Rounds = 9, PerRound = 2000;
var date = new DateOnly(2026, 12, 8);
var now = new DateTimeOffset(2026, 12, 8, 17, 0, 0, TimeSpan.Zero);
var config = new ClinicConfig("Bench PT", "America/Chicago",
    [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))],
    [new TreatmentSpace("gym", "Gym", TreatmentSpaceKind.Gym, 20)],
    [.. Enumerable.Range(1, Therapists).Select(i => new TherapistProfile($"pt-{i}", $"Therapist {i}", 2))],
    new AlertThresholds(), LobbyNamingMode.Initials, [new VisitType("follow-up", "Follow-up", 45)]);
var visits = new Dictionary<string, VisitSnapshot>();
var patients = new Dictionary<string, PatientRecord?>();
for (var i = 0; i < Visits; i++)
{
    var start = new DateTimeOffset(2026, 12, 8, 13, 0, 0, TimeSpan.Zero).AddMinutes(15 * (i / Therapists * 5 % 40));
    var state = new VisitState();
    VisitLifecycle.Book(state, new VisitBooking("bench", $"p-{i}", $"pt-{i % Therapists + 1}", "follow-up", start, 45, date, false, "desk", null), now.AddDays(-1));
    visits[$"v-{i}"] = VisitLifecycle.Snapshot($"v-{i}", state);
    patients[$"p-{i}"] = new PatientRecord($"p-{i}", new PatientDetails("bench", $"First{i}", $"Last{i}", new DateOnly(1970, 1, 1), null, null), now.AddDays(-30));
}

DayData Day() => new("bench", date, config, visits, patients, new Dictionary<string, int>(), new BillingOptions(), new Dictionary<string, int>());
var views = new LiveViews(1);
views.Refresh(Day(), now);
var changed = visits["v-0"];
var version = changed.Version;

double Median(Action run)
{
    var rounds = new double[Rounds];
    for (var r = 0; r < Rounds; r++)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < PerRound; i++)
        {
            run();
        }

        rounds[r] = watch.Elapsed.TotalMicroseconds / PerRound;
    }

    Array.Sort(rounds);
    return rounds[Rounds / 2];
}

var sink = 0L;
var board = Median(() => sink += views.Board(Day()).Rows.Count);
var schedule = Median(() => sink += views.Schedule(Day()).Entries.Count);
var refresh = Median(() =>
{
    version++;
    visits["v-0"] = changed with { Version = version, Status = version % 2 == 0 ? VisitStatus.Arrived : VisitStatus.Booked };
    sink += views.Refresh(Day(), now).Schedule?.Upserts.Count ?? 0;
});
Console.WriteLine($"{Therapists} therapists, {Visits} visits; median of {Rounds} rounds of {PerRound} (µs per call); checksum {sink}");
Console.WriteLine($"| board snapshot (baseline) | {board:0.0} µs | 1.00× |");
Console.WriteLine($"| schedule snapshot (ScheduleView) | {schedule:0.0} µs | {schedule / board:0.00}× |");
Console.WriteLine($"| refresh after one visit changed (board, lobby, manager and schedule deltas) | {refresh:0.0} µs | {refresh / board:0.00}× |");
