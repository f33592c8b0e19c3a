using System.Globalization;
using PtHub.Bench.Slots;

// Free-slot search benchmark (issue 5): ScheduleRules.FreeStarts alone, and GET /free-slots through a real node, same run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (SlotsOptions.Parse(args) is not { } options)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

var machine = MachineInfo.Take();
var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Zone);
var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(1);
var clinic = SyntheticClinic.Create(options.Zone, from, options.Days, options.VisitsPerDay, options.Patients, options.Seed);
if (clinic.Config.FindTherapist(options.Therapist) is null)
{
    Console.Error.WriteLine($"No therapist '{options.Therapist}'; the clinic has {string.Join(", ", clinic.TherapistIds)}.");
    return 2;
}

var (perMin, perMean, perMax) = clinic.PerTherapistDay();
var dataSet = new DataSetFigures(SyntheticClinic.ClinicId, options.Zone, from, options.Days, clinic.TherapistIds.Count, clinic.Describe(),
    clinic.Visits.Count, options.Patients, perMin, Math.Round(perMean, 2), perMax, options.Therapist,
    clinic.Visits.Count(v => v.TherapistId == options.Therapist), clinic.Config.FindVisitType(SyntheticClinic.VisitType)!.DefaultMinutes);
Log.Line($"free-slot bench: {clinic.Visits.Count} visits over {options.Days} days from {from:yyyy-MM-dd} ({options.Zone}), " +
    $"{perMean:0.0} per therapist and day ({perMin}-{perMax}); {machine.Cores} cores, load {machine.LoadAverage}");

// Level 1: the pure search, no node running yet.
string[] one = [options.Therapist];
var all = clinic.TherapistIds;
var whole = new PureSearch(clinic.Config, from, clinic.DayVisits);
var alone = new PureSearch(clinic.Config, from, clinic.OnlyVisitsOf(options.Therapist));
var pureQueries = new (string Query, string DataSet, PureSearch Search, IReadOnlyList<string> Therapists, int Days)[]
{
    ("one therapist", "only her visits", alone, one, options.Days),
    ("one therapist", "whole clinic", whole, one, options.Days),
    ("all therapists", "whole clinic", whole, all, options.Days),
    ("one therapist, 1 day", "whole clinic", whole, one, 1),
};
var measured = PureSearch.MeasureInterleaved([.. pureQueries.Select(q => (q.Search, q.Therapists, q.Days))], options.PureReps);
var pure = pureQueries.Select((q, i) =>
{
    var (ms, slots, bytes) = measured[i];
    var calls = q.Therapists.Count * q.Days;
    Log.Line($"pure {q.Query} ({q.DataSet}): {calls} calls, {slots} slots, median {ms.Median:0.000} ms, p95 {ms.P95:0.000} ms, {bytes / 1024} KB allocated");
    return new PureFigures(q.Query, q.DataSet, q.Days, q.Therapists.Count, calls, slots, ms, Math.Round(ms.Median * 1000 / calls, 1), bytes);
}).ToList();

// Level 2: the same clinic and visits in a real node, booked over REST; the same queries over HTTP.
await using var node = await Node.StartAsync();
Log.Line($"node up at {node.Address}");
var setup = await node.SetUpAsync(clinic, options.Patients, options.Concurrency);

var queries = new (string Name, string Url, IReadOnlyList<string> Therapists, int Days, PureFigures Pure)[]
{
    ("one therapist", Node.Url(from, options.Days, options.Therapist), one, options.Days, pure[1]),
    ("all therapists", Node.Url(from, options.Days, null), all, options.Days, pure[2]),
    ("one therapist, 1 day", Node.Url(from, 1, options.Therapist), one, 1, pure[3]),
};

// Cold: every grain deactivated before each first call, the queries in turn so each round sees them in another order.
var cold = queries.Select(_ => new List<HttpTiming>()).ToArray();
var coldActivations = new Dictionary<string, int>[queries.Length];
var coldAppends = queries.Select(_ => new List<long>()).ToArray();
var left = 0;
for (var round = 0; round < options.ColdRounds; round++)
{
    for (var k = 0; k < queries.Length; k++)
    {
        var q = (k + round) % queries.Length;
        left = await node.DeactivateAllAsync();
        var before = await node.ActivationsAsync();
        var appends = node.EventLog.Appends;
        var timing = await node.GetAsync(queries[q].Url);
        cold[q].Add(timing);
        coldAppends[q].Add(node.EventLog.Appends - appends);
        if (coldActivations[q] is null)
        {
            var after = await node.ActivationsAsync();
            coldActivations[q] = after.Select(a => (a.Key, Count: a.Value - before.GetValueOrDefault(a.Key)))
                .Where(a => a.Count > 0).ToDictionary(a => a.Key, a => a.Count);
        }

        Log.Line($"cold {round + 1}/{options.ColdRounds} {queries[q].Name}: {timing.Ms:0.0} ms, {timing.Slots} slots " +
            $"({left} activations left before it; it activated {string.Join(", ", coldActivations[q].Select(a => $"{a.Value} {a.Key}"))}; " +
            $"{coldAppends[q][^1]} visit-event appends)");
    }
}

// Where a cold all-therapist query's time goes: all grains deactivated, then the visit grains activated on their own,
// then the patient grains, then the query (which now activates only the clinic-day grains and the clinic grain).
var breakdown = new List<ColdBreakdown>();
for (var round = 0; round < Math.Min(3, options.ColdRounds); round++)
{
    await node.DeactivateAllAsync();
    var appendsBefore = node.EventLog.Appends;
    var visitsMs = await node.ActivateVisitsAsync();
    var visitAppends = node.EventLog.Appends - appendsBefore;
    var patientsMs = await node.ActivatePatientsAsync();
    var rest = await node.GetAsync(queries[1].Url);
    breakdown.Add(new ColdBreakdown(Math.Round(visitsMs, 1), visitAppends, Math.Round(patientsMs, 1), Math.Round(rest.Ms, 1)));
    Log.Line($"cold breakdown {round + 1}: {clinic.Visits.Count} visit grains {visitsMs:0.0} ms ({visitAppends} visit-event appends), " +
        $"{options.Patients} patient grains {patientsMs:0.0} ms, " +
        $"then the all-therapist query {rest.Ms:0.0} ms");
}

// One visit grain at a time, nothing else running: what a cold activation costs, and how much of it is the event-log append.
await node.DeactivateAllAsync();
var oneByOne = await node.ActivateVisitsOneByOneAsync(Math.Min(200, clinic.Visits.Count));
var sequential = new SequentialActivations(oneByOne.Count, Summary.Of([.. oneByOne.Select(t => t.Ms)]), Summary.Of([.. oneByOne.Select(t => t.AppendMs)]));
Log.Line($"{sequential.Count} visit grains activated one by one: median {sequential.Ms.Median:0.000} ms each, " +
    $"of which {sequential.AppendMs.Median:0.000} ms in the event-log append");

// Warm: the 28-day queries again and again, each HTTP call next to a pure run of the same query (order rotating).
var warmQueries = queries.Take(2).ToArray();
var warm = warmQueries.Select(_ => new List<HttpTiming>()).ToArray();
var paired = warmQueries.Select(_ => new List<double>()).ToArray();
for (var i = 0; i < 3; i++)
{
    foreach (var q in warmQueries)
    {
        await node.GetAsync(q.Url);
        whole.Run(q.Therapists, q.Days);
    }
}

var warmAppendsBefore = node.EventLog.Appends;
for (var i = 0; i < options.Warm; i++)
{
    for (var k = 0; k < 4; k++)
    {
        var item = (k + i) % 4;
        var q = item / 2;
        if (item % 2 == 0)
        {
            paired[q].Add(whole.Time(warmQueries[q].Therapists, warmQueries[q].Days).Ms);
        }
        else
        {
            warm[q].Add(await node.GetAsync(warmQueries[q].Url));
        }
    }
}

var warmAppends = node.EventLog.Appends - warmAppendsBefore;
Log.Line($"warm: {options.Warm} calls of each 28-day query, each paired with a pure run; {warmAppends} visit-event appends meanwhile");

var http = new List<HttpFigures>();
for (var q = 0; q < queries.Length; q++)
{
    var (name, url, therapists, days, pureFigures) = queries[q];
    var coldMs = Summary.Of([.. cold[q].Select(t => t.Ms)]);
    var last = cold[q][^1];
    Summary? warmMs = null, pureMs = null;
    double? p50 = null, p95 = null, pairs = null;
    if (q < warm.Length)
    {
        warmMs = Summary.Of([.. warm[q].Select(t => t.Ms)]);
        pureMs = Summary.Of(paired[q]);
        p50 = Math.Round(warmMs.Median / pureMs.Median, 2);
        p95 = Math.Round(warmMs.P95 / pureMs.P95, 2);
        pairs = Math.Round(Summary.Of([.. warm[q].Zip(paired[q], (h, p) => h.Ms / p)]).Median, 2);
        last = warm[q][^1];
    }

    var answers = cold[q].Concat(q < warm.Length ? warm[q] : []).ToList();
    http.Add(new HttpFigures(name, url, therapists.Count * days, last.Slots, pureFigures.Slots, answers.Count,
        answers.Count(a => a.Slots != pureFigures.Slots), last.Bytes, coldMs, Math.Round(coldMs.Median / pureFigures.Ms.Median, 1),
        coldActivations[q], (long)Summary.Of([.. coldAppends[q].Select(a => (double)a)]).Median, warmMs, pureMs, p50, p95, pairs));
}

var summary = new SlotsSummary(DateTimeOffset.UtcNow, machine, MachineInfo.LoadAverageNow(), options, dataSet, pure, setup, left,
    node.CollectionAge, http, breakdown, sequential, warmAppends, Math.Round(Log.Elapsed.TotalSeconds, 1));
Report.Print(summary);
await Report.WriteJsonAsync(options.Json, summary);
Log.Line($"results written to {Path.GetFullPath(options.Json)}");
return 0;
