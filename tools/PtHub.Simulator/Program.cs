using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Harness;
using PtHub.Simulator;

// The clinic-day simulator: one real PtHub node in this process (embedded SQLite in a temporary folder), its clinic
// clock a FakeTimeProvider that the simulator moves minute by minute, every command sent over the public REST API.
var options = SimOptions.Parse(args);
var total = Stopwatch.StartNew();
var clock = new FakeTimeProvider(ClinicPlan.At(options.Date, new TimeOnly(6, 0)));
var (app, baseAddress, directory, cookies) = await EmbeddedNode.StartAsync("pthub-sim",
    // The simulated day runs on the clinic clock, which sessions follow too: one session lasts the whole day.
    ["--PtHub:LiveTickSeconds=0.05", "--PtHub:KeeperSeconds=1", "--PtHub:Security:SessionMaxHours=168", "--PtHub:Security:SessionIdleMinutes=1440"],
    builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, clock));
try
{
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    var runs = Enumerable.Range(0, options.Clinics)
        .Select(i => new ClinicRun(http, ClinicPlan.Generate($"sim-{options.Seed}-{i + 1:00}", options.Date, new Random(unchecked((options.Seed * 7919) + i))), options.Date))
        .ToList();
    Console.WriteLine($"PtHub clinic-day simulator: seed {options.Seed}, {options.Clinics} clinic(s), {options.Date:yyyy-MM-dd} ({options.Date.DayOfWeek}), node {baseAddress}");
    await Task.WhenAll(runs.Select(r => r.SetUpAsync()));
    var setUp = total.Elapsed;

    // Clinic time, minute by minute; every clinic does what is due at that minute before the clock moves on.
    var now = ClinicPlan.At(options.Date, new TimeOnly(6, 30));
    var last = ClinicPlan.At(options.Date, new TimeOnly(23, 0));
    var minutes = 0;
    var shown = new List<ShownWait>();
    while (now <= last && !runs.All(r => r.Done(now)))
    {
        clock.SetUtcNow(now);
        await Task.WhenAll(runs.Select(r => r.StepAsync(now)));
        // What the lobby shows each waiting patient this minute (the board carries the same estimate).
        foreach (var run in runs)
        {
            var board = (await run.GetAsync($"/api/clinics/{run.Plan.Id}/board"))?["rows"]?.AsArray() ?? [];
            shown.AddRange(board.Where(r => r!["status"]!.GetValue<string>() is "arrived" or "checked-in" && r["estimatedWaitMinutes"] is not null)
                .Select(r => new ShownWait(run.Plan.Id, r!["visitId"]!.GetValue<string>(), now, r["estimatedWaitMinutes"]!.GetValue<int>())));
        }

        now = now.AddMinutes(1);
        minutes++;
    }

    var simulated = total.Elapsed - setUp;

    // What PtHub quoted at arrival against what really happened.
    var rows = new List<AccuracyRow>();
    var all = new List<WaitSample>();
    var mismatches = 0;
    foreach (var run in runs)
    {
        var samples = new List<WaitSample>();
        foreach (var visit in run.Plan.Visits.Where(v => v.ArrivedAt is not null && v.StartedAt is not null && v.VisitId is not null))
        {
            var history = await run.GetAsync($"/api/clinics/{run.Plan.Id}/visits/{visit.VisitId}");
            var snapshot = history?["visit"];
            if (snapshot?["arrivedAt"] is not { } arrived || snapshot["treatmentStartedAt"] is not { } started)
            {
                run.Errors.Add($"visit {visit.VisitId}: no arrival or start on PtHub's record");
                continue;
            }

            var actual = (started.GetValue<DateTimeOffset>() - arrived.GetValue<DateTimeOffset>()).TotalMinutes;
            if (Math.Abs(actual - (visit.StartedAt!.Value - visit.ArrivedAt!.Value).TotalMinutes) > 0.01)
            {
                mismatches++;
            }

            var quoted = history!["quotedWaitMinutes"] is { } q ? q.GetValue<int>() : (int?)null;
            samples.Add(new WaitSample(run.Plan.Id, visit.VisitId!, visit.TherapistId, visit.Type.Code, visit.WalkIn, visit.LatenessMinutes, actual, quoted,
                visit.BaselineScheduled ?? 0, visit.BaselineAverage ?? 0, visit.Candidate ?? 0));
        }

        var booked = run.Plan.Visits.Count(v => !v.WalkIn);
        rows.Add(AccuracyRow.From(run.Plan.Id, run.Plan.Therapists.Count, booked, run.Plan.Visits.Count(v => v.Fate == Fate.Cancels),
            run.Plan.Visits.Count(v => v.Fate == Fate.NoShow), run.Plan.Visits.Count(v => v.WalkIn), samples));
        all.AddRange(samples);
    }

    var overall = AccuracyRow.From("overall", runs.Sum(r => r.Plan.Therapists.Count), rows.Sum(r => r.Booked), rows.Sum(r => r.Cancelled),
        rows.Sum(r => r.NoShows), rows.Sum(r => r.WalkIns), all);
    var errors = runs.SelectMany(r => r.Errors.Select(e => $"{r.Plan.Id}: {e}")).ToList();

    Console.WriteLine();
    foreach (var run in runs)
    {
        var p = run.Plan;
        Console.WriteLine($"{p.Id}: {p.Therapists.Count} therapists (overlap {string.Join("/", p.Therapists.Select(t => t.Capacity))}), " +
            $"{p.PrivateRooms} private rooms + gym of {p.GymCapacity}, {p.Visits.Count(v => !v.WalkIn)} booked ({run.Overrides} with override), " +
            $"{p.Therapists.Count(t => t.LateStartMinutes > 0)} late start(s), {p.Therapists.Count(t => t.InterruptionAt is not null)} interruption(s)");
    }

    Console.WriteLine();
    Console.WriteLine("Wait quoted at arrival vs actual wait (arrival -> treatment start), mean absolute error in minutes");
    Console.WriteLine($"{"clinic",-12} {"booked",6} {"cancel",6} {"noshow",6} {"walkin",6} {"visits",6} {"wait",6} | {"PtHub",6} {"sched.",6} {"avg",6} | {"PtHub/sched",11} {"PtHub/avg",9} {"bias",6} | {"cand.",6}");
    foreach (var row in rows.Append(overall))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{row.Clinic,-12} {row.Booked,6} {row.Cancelled,6} {row.NoShows,6} {row.WalkIns,6} {row.Visits,6} {row.MeanActualWait,6:0.0} | {row.MaePtHub,6:0.00} {row.MaeScheduled,6:0.00} {row.MaeAverage,6:0.00} | {row.RatioScheduled,11:0.00} {row.RatioAverage,9:0.00} {row.BiasPtHub,6:+0.0;-0.0;0.0} | {row.MaeCandidate,6:0.00}"));
    }

    var minuteByMinute = ShownWaitAccuracy.From(shown, runs.SelectMany(r => r.Plan.Visits));
    Console.WriteLine();
    Console.WriteLine("Wait shown each minute while a patient waits vs the wait that remained, mean absolute error in minutes");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{minuteByMinute.Samples} patient-minutes: PtHub {minuteByMinute.MaePtHub:0.00}, scheduled start {minuteByMinute.MaeScheduled:0.00}, " +
        $"average so far {minuteByMinute.MaeAverage:0.00}; PtHub/sched {minuteByMinute.MaePtHub / minuteByMinute.MaeScheduled:0.00}, " +
        $"PtHub/avg {minuteByMinute.MaePtHub / minuteByMinute.MaeAverage:0.00}; shown below what remained by over 10 min: {minuteByMinute.UnderBy10Percent:0.0} %"));

    var beats = overall.MaePtHub < overall.MaeScheduled && overall.MaePtHub < overall.MaeAverage;
    Console.WriteLine();
    Console.WriteLine($"PtHub's estimate {(beats ? "beats" : "does NOT beat")} both baselines overall. " +
        $"wait = mean actual wait; bias = mean (quoted - actual); {overall.NotQuoted} visit(s) had no quote (counted as 0).");
    Console.WriteLine("cand. = the simulator's prototype of a better estimator (CandidateEstimator.cs: rolling actual/booked by visit type, " +
        "today's early starts, the desk's check-in delay, rounding); not PtHub's.");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{runs.Sum(r => r.Requests)} API requests, {minutes} clinic minutes; set-up {setUp.TotalSeconds:0.0} s, day {simulated.TotalSeconds:0.0} s, total {total.Elapsed.TotalSeconds:0.0} s; " +
        $"{mismatches} wait(s) differ from the simulator's model; {errors.Count} unexpected API answer(s)."));
    foreach (var error in errors.Take(10))
    {
        Console.WriteLine("  " + error);
    }

    if (options.JsonPath is { } path)
    {
        var result = new
        {
            options.Seed, options.Clinics, Date = options.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Command = "dotnet run -c Release --project tools/PtHub.Simulator -- " + string.Join(' ', args),
            Clinics_ = rows, Overall = overall, MinuteByMinute = minuteByMinute, BeatsBothBaselines = beats, Mismatches = mismatches, Errors = errors,
            Samples = all, Seconds = Math.Round(total.Elapsed.TotalSeconds, 1),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"JSON written to {path}");
    }

    return errors.Count == 0 ? 0 : 1;
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // SQLite may still hold the file for a moment; it is a temporary folder.
    }
}

