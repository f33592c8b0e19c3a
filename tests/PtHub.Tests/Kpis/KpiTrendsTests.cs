using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Kpis;

/// <summary>
/// Three weeks of clinic A and a week of clinic B played through the API on a fake clock; every KPI the API answers
/// is compared exactly with the same figure worked out in the test from its own record of the visits (KpiExpectation),
/// per clinic and period, per therapist, and rolled up across the clinics.
/// </summary>
public sealed class KpiTrendsTests(KpiHistoryFixture history) : IClassFixture<KpiHistoryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => history.Kpi.Node.Http;

    [Fact]
    public async Task WeeklyClinicKpisEqualTheFiguresWorkedOutFromTheVisits()
    {
        var report = (await Http.GetFromJsonAsync<JsonObject>($"{history.A.Api}/kpis?from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}&by=week", Ct))!;

        var wrong = new List<string>();
        var periods = report["periods"]!.AsArray();
        Assert.InRange(periods.Count, 3, 4);
        foreach (var period in periods)
        {
            var start = DateOnly.Parse(period!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var end = DateOnly.Parse(period["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            KpiAssert.Matches(KpiExpectation.Of(history.A.Visits.Where(v => v.Day >= start && v.Day <= end), history.A.WorkingSeconds(start, end, 2), history.A.SpaceSeconds(start, end)), period, $"week {start}", wrong);
        }

        KpiAssert.Matches(KpiExpectation.Of(history.A.Visits, history.A.WorkingSeconds(history.First, history.Last, 2), history.A.SpaceSeconds(history.First, history.Last)), report["total"], "total", wrong);
        Assert.Empty(wrong);
        Assert.True(report["total"]!["attended"]!.GetValue<int>() > 80, "the history should have many attended visits");
        Assert.True(report["total"]!["noShows"]!.GetValue<int>() > 0 && report["total"]!["lateCancelled"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task OneTherapistsDailyKpisAndTheByTherapistTableEqualTheirVisits()
    {
        var report = (await Http.GetFromJsonAsync<JsonObject>($"{history.A.Api}/kpis?from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}&by=day&therapistId=ann", Ct))!;
        var all = (await Http.GetFromJsonAsync<JsonObject>($"{history.A.Api}/kpis?from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}&by=month", Ct))!;

        var wrong = new List<string>();
        var periods = report["periods"]!.AsArray();
        Assert.Equal(KpiHistoryFixture.DaysA, periods.Count);
        for (var d = 0; d < periods.Count; d++)
        {
            var day = history.First.AddDays(d);
            KpiAssert.Matches(KpiExpectation.Of(history.A.Visits.Where(v => v.Day == day && v.TherapistId == "ann"), history.A.WorkingSeconds(day, day, 1), 0), periods[d], $"ann {day}", wrong);
        }

        foreach (var row in all["therapists"]!.AsArray())
        {
            var id = row!["id"]!.GetValue<string>();
            KpiAssert.Matches(KpiExpectation.Of(history.A.Visits.Where(v => v.TherapistId == id), history.A.WorkingSeconds(history.First, history.Last, 1), 0), row["figures"], $"therapist {id}", wrong);
        }

        Assert.Empty(wrong);
        Assert.Equal(["ann", "bob"], all["therapists"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheRollUpAcrossClinicsEqualsBothClinicsVisitsAndEachClinicsOwn()
    {
        var report = (await Http.GetFromJsonAsync<JsonObject>($"/api/kpis?from={history.First:yyyy-MM-dd}&to={history.LastB:yyyy-MM-dd}&by=month", Ct))!;

        var wrong = new List<string>();
        var working = new Dictionary<KpiHistory, long> { [history.A] = history.A.WorkingSeconds(history.First, history.LastB, 2), [history.B] = history.B.WorkingSeconds(history.First, history.LastB, 2) };
        var space = new Dictionary<KpiHistory, long> { [history.A] = history.A.SpaceSeconds(history.First, history.LastB), [history.B] = history.B.SpaceSeconds(history.First, history.LastB) };
        KpiAssert.Matches(KpiExpectation.Of(history.A.Visits.Concat(history.B.Visits), working.Values.Sum(), space.Values.Sum()), report["total"], "chain", wrong);
        foreach (var (clinic, played) in new[] { (history.A, history.A.Visits), (history.B, history.B.Visits) })
        {
            var row = report["clinics"]!.AsArray().Single(c => $"/api/clinics/{c!["id"]!.GetValue<string>()}" == clinic.Api);
            KpiAssert.Matches(KpiExpectation.Of(played, working[clinic], space[clinic]), row!["figures"], clinic.Api, wrong);
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task PlanOfCareFiguresEqualThePlansWorkedOutPerClinicTherapistAndAcrossClinics()
    {
        var today = history.B.Today;
        Assert.Equal(today, history.A.Today);
        var weekly = (await Http.GetFromJsonAsync<JsonObject>($"{history.A.Api}/kpis?from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}&by=week", Ct))!;
        // The chain's range runs two weeks past B's last day, into the booked weeks of B's plans.
        var chainTo = history.LastB.AddDays(14);
        var chain = (await Http.GetFromJsonAsync<JsonObject>($"/api/kpis?from={history.First:yyyy-MM-dd}&to={chainTo:yyyy-MM-dd}&by=month", Ct))!;
        var ahead = (await Http.GetFromJsonAsync<JsonObject>($"{history.B.Api}/kpis?from={history.FirstB:yyyy-MM-dd}&to={chainTo:yyyy-MM-dd}&by=week", Ct))!;
        var visitsA = history.A.Visits.Concat(history.A.Ahead).ToList();
        var visitsB = history.B.Visits.Concat(history.B.Ahead).ToList();

        var wrong = new List<string>();
        foreach (var period in weekly["periods"]!.AsArray())
        {
            var start = DateOnly.Parse(period!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var end = DateOnly.Parse(period["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            KpiAssert.Matches(KpiPlanExpectation.Of(history.A.Plans, visitsA, start, end, today), period, $"A week {start}", wrong);
        }

        KpiAssert.Matches(KpiPlanExpectation.Of(history.A.Plans, visitsA, history.First, history.Last, today), weekly["total"], "A total", wrong);
        foreach (var row in weekly["therapists"]!.AsArray())
        {
            var id = row!["id"]!.GetValue<string>();
            KpiAssert.Matches(KpiPlanExpectation.Of(history.A.Plans.Where(p => p.TherapistId == id), visitsA, history.First, history.Last, today), row["figures"], $"A therapist {id}", wrong);
        }

        foreach (var period in ahead["periods"]!.AsArray())
        {
            var start = DateOnly.Parse(period!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var end = DateOnly.Parse(period["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            KpiAssert.Matches(KpiPlanExpectation.Of(history.B.Plans, visitsB, start, end, today), period, $"B week {start}", wrong);
        }

        KpiAssert.Matches(KpiPlanExpectation.Of(history.A.Plans.Concat(history.B.Plans), visitsA.Concat(visitsB), history.First, chainTo, today), chain["total"], "chain", wrong);
        foreach (var (clinic, visits) in new[] { (history.A, visitsA), (history.B, visitsB) })
        {
            var row = chain["clinics"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == clinic.ClinicId)!;
            KpiAssert.Matches(KpiPlanExpectation.Of(clinic.Plans, visits, history.First, chainTo, today), row["figures"], clinic.Api, wrong);
        }

        Assert.Empty(wrong);
        // The history holds what the figures are about: A's three plans discharged, B's still running and short of their prescription.
        Assert.Equal(3, weekly["total"]!["plansDischarged"]!.GetValue<int>());
        Assert.True(weekly["total"]!["visitsPerDischarge"]!.GetValue<double>() > 0);
        Assert.Contains(ahead["periods"]!.AsArray(), p => p!["plansUnderScheduled"]!.GetValue<int>() > 0);
        Assert.Equal(0, ahead["total"]!["plansDischarged"]!.GetValue<int>());
        Assert.True(chain["total"]!["copaysDue"]!.GetValue<int>() > 10 && chain["total"]!["copayCollectionRate"]!.GetValue<double>() is > 0 and < 100);
    }

    [Fact]
    public async Task TheRollUpRebuiltFromTheFactsEqualsTheOneKeptAsEventsWereWritten()
    {
        var store = history.Kpi.Node.Services.GetRequiredService<IKpiStore>();
        var query = new KpiQuery([history.A.Api.Split('/')[^1], history.B.Api.Split('/')[^1]], history.First, history.LastB);
        var kept = await store.ReadDaysAsync(query, Ct);
        var keptWaits = await store.ReadWaitsAsync(query, Ct);
        var keptPlans = await store.ReadPlansAsync(query, Ct);

        var days = await store.RebuildAsync(Ct);

        Assert.True(days >= KpiHistoryFixture.DaysA + KpiHistoryFixture.DaysB, $"{days} clinic-days rebuilt");
        Assert.Equal(Ordered(kept), Ordered(await store.ReadDaysAsync(query, Ct)));
        Assert.Equal(keptWaits.OrderBy(w => (w.ClinicId, w.Day, w.TherapistId, w.WaitMinutes)), (await store.ReadWaitsAsync(query, Ct)).OrderBy(w => (w.ClinicId, w.Day, w.TherapistId, w.WaitMinutes)));
        Assert.Equal(KpiHistoryFixture.DaysA * 2, kept.Count(r => r.ClinicId == query.ClinicIds[0]));
        Assert.Equal(OrderedPlans(keptPlans), OrderedPlans(await store.ReadPlansAsync(query, Ct)));
        Assert.Equal(history.A.Plans.Concat(history.B.Plans).Count(p => p.Start <= query.To), keptPlans.Select(p => p.PlanId).Distinct().Count());
        Assert.Contains(kept, r => r.CopaysDue > 0);
    }

    [Fact]
    public async Task TheDrillDownListsExactlyTheVisitsOfTheDay()
    {
        var day = history.First.AddDays(4);

        var visits = (await Http.GetFromJsonAsync<JsonArray>($"{history.A.Api}/kpis/visits?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}", Ct))!;

        Assert.Equal(history.A.Visits.Where(v => v.Day == day).Select(v => v.VisitId).Order(StringComparer.Ordinal),
            visits.Select(v => v!["visitId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(visits, v => Assert.Equal(history.A.Visits.Single(p => p.VisitId == v!["visitId"]!.GetValue<string>()).Status, v!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheCsvHoldsEveryTableOfTheReport()
    {
        var url = $"{history.A.Api}/kpis?from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}&by=week";
        var report = (await Http.GetFromJsonAsync<JsonObject>(url, Ct))!;

        using var csv = await Http.GetAsync(url.Replace("/kpis?", "/kpis.csv?", StringComparison.Ordinal), Ct);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(["table", "id", "start", "end", "scheduled"], header[..5]);
        Assert.Equal(report["periods"]!.AsArray().Count + 2 + 1 + 1, lines.Length - 1);
        var total = lines[^1].Split(',');
        Assert.Equal("total", total[0]);
        foreach (var name in new[] { "scheduled", "attended", "cancel_no_show_rate", "units_per_visit", "wait_median", "quote_mae", "working_minutes", "productivity", "space_utilization" })
        {
            var json = report["total"]![System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(string.Concat(name.Split('_').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])))];
            Assert.Equal(json?.ToJsonString() ?? "", total[Array.IndexOf(header, name)]);
        }
    }

    [Fact]
    public async Task TargetsAreJudgedInWordsOnTheRangesFigures()
    {
        var report = (await Http.GetFromJsonAsync<JsonObject>($"{history.A.Api}/kpis?from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}", Ct))!;

        var cancelNoShow = report["targets"]!.AsArray().Single(t => t!["figure"]!.GetValue<string>() == "cancelNoShowRate")!;
        var rate = report["total"]!["cancelNoShowRate"]!.GetValue<double>();
        var expected = rate <= 10 ? "on" : rate <= 15 ? "near" : "off";
        Assert.Equal(expected, cancelNoShow["state"]!.GetValue<string>());
        Assert.Contains(expected == "on" ? "on target" : expected == "near" ? "near target" : "off target", cancelNoShow["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("≤ 10 %", cancelNoShow["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task AClinicsOwnTargetsJudgeItsFiguresAndBadOnesAreRefused()
    {
        var range = $"from={history.FirstB:yyyy-MM-dd}&to={history.LastB:yyyy-MM-dd}";
        var rate = (await Http.GetFromJsonAsync<JsonObject>($"{history.B.Api}/kpis?{range}", Ct))!["total"]!["cancelNoShowRate"]!.GetValue<double>();

        using var bad = await Http.PutAsJsonAsync($"{history.B.Api}/kpi-targets", new { targets = new object[] { new { figure = "cancelNoShowRate", on = 10, near = 5 }, new { figure = "colour", on = 1, near = 1 } } }, Ct);
        using var set = await Http.PutAsJsonAsync($"{history.B.Api}/kpi-targets", new { targets = new[] { new { figure = "cancelNoShowRate", on = rate + 1, near = rate + 5 } } }, Ct);
        var judged = (await Http.GetFromJsonAsync<JsonObject>($"{history.B.Api}/kpis?{range}", Ct))!["targets"]!.AsArray();
        using var empty = await Http.PutAsJsonAsync($"{history.B.Api}/kpi-targets", new { targets = Array.Empty<object>() }, Ct);
        using var missing = await Http.PutAsJsonAsync($"{history.B.Api}/kpi-targets", new { targets = new object[] { new { figure = "waitMean", on = 12 } } }, Ct);
        var kept = (await Http.GetFromJsonAsync<JsonArray>($"{history.B.Api}/kpi-targets", Ct))!.Single(t => t!["figure"]!.GetValue<string>() == "waitMean")!;
        using var reset = await Http.DeleteAsync($"{history.B.Api}/kpi-targets", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Equal(["targets[0].near", "targets[1].figure"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["targets[0].near"], (await missing.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(20, kept["on"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var cancelNoShow = judged.Single(t => t!["figure"]!.GetValue<string>() == "cancelNoShowRate")!;
        Assert.Equal("on", cancelNoShow["state"]!.GetValue<string>());
        Assert.Equal("≥ 3.3", judged.Single(t => t!["figure"]!.GetValue<string>() == "unitsPerVisit")!["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheChainsDefaultRangeEndsOnTheClinicsTodayNotTheUtcDate()
    {
        // 19:30 in Chicago on B's last day is already the next day in UTC: the default range still ends on the clinic day.
        var evening = history.B.At(history.LastB, 19, 30);
        Assert.NotEqual(history.LastB, DateOnly.FromDateTime(evening.UtcDateTime));
        if (history.Kpi.Clock.GetUtcNow() < evening)
        {
            history.Kpi.Clock.SetUtcNow(evening);
        }

        var report = (await Http.GetFromJsonAsync<JsonObject>("/api/kpis", Ct))!;

        Assert.Equal(history.LastB.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report["to"]!.GetValue<string>());
        Assert.Equal(history.LastB.AddDays(-27).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report["from"]!.GetValue<string>());
        // The whole of B's last day is worked now (07:00–19:00), and the day after counts nothing.
        var wrong = new List<string>();
        var row = report["clinics"]!.AsArray().Single(c => $"/api/clinics/{c!["id"]!.GetValue<string>()}" == history.B.Api)!;
        KpiAssert.Matches(KpiExpectation.Of(history.B.Visits, history.B.WorkingSeconds(history.LastB.AddDays(-27), history.LastB, 2), history.B.SpaceSeconds(history.LastB.AddDays(-27), history.LastB)), row["figures"], "B by default", wrong);
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task BadRangesAreProblemsNamingTheField()
    {
        foreach (var (query, field) in new[] { ("from=2026-03-10&to=2026-03-01", "from"), ("by=year", "by"), ("from=2020-01-01&to=2026-01-01", "to"), ("from=1900-01-01", "from") })
        {
            using var response = await Http.GetAsync($"{history.A.Api}/kpis?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
            Assert.True(problem!["errors"]![field] is not null, $"{query}: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task ATherapistSeesOnlyTheirOwnFigures()
    {
        var clinicId = history.A.Api.Split('/')[^1];
        using var ann = await history.Kpi.Node.SignInAsNewAsync(StaffRole.Therapist, [clinicId], "ann");
        var range = $"from={history.First:yyyy-MM-dd}&to={history.Last:yyyy-MM-dd}";

        var own = (await ann.Http.GetFromJsonAsync<JsonObject>($"{history.A.Api}/kpis?{range}", Ct))!;
        using var other = await ann.Http.GetAsync($"{history.A.Api}/kpis?{range}&therapistId=bob", Ct);
        using var chain = await ann.Http.GetAsync($"/api/kpis?{range}", Ct);

        Assert.Equal("ann", own["therapistId"]!.GetValue<string>());
        var wrong = new List<string>();
        KpiAssert.Matches(KpiExpectation.Of(history.A.Visits.Where(v => v.TherapistId == "ann"), history.A.WorkingSeconds(history.First, history.Last, 1), 0), own["total"], "ann", wrong);
        Assert.Empty(wrong);
        Assert.Equal(["ann"], own["therapists"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chain.StatusCode);
    }

    private static List<KpiPlanDay> OrderedPlans(IEnumerable<KpiPlanDay> rows) =>
        [.. rows.OrderBy(r => r.ClinicId, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.PlanId, StringComparer.Ordinal)];

    private static List<KpiDayRow> Ordered(IEnumerable<KpiDayRow> rows) =>
        [.. rows.OrderBy(r => r.ClinicId, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.TherapistId, StringComparer.Ordinal)];
}
