using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Kpis;

/// <summary>
/// The worklists over patients played through the API (docs/figures.md, "Worklists"): who is on each list, and a row
/// marked done leaving its list, with who and when, until its condition changes.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class WorklistApiTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APatientOffPlanWithFewVisitsLeftAndRecertificationDueIsOnEachWorklist()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var http = fixture.Node.Http;
        var api = $"/api/clinics/{clinic.Id}";
        var patientId = await clinic.AddPatientAsync("Wanda", "Listed");
        var onPlan = await clinic.AddPatientAsync("Paul", "Onplan");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var id in new[] { patientId, onPlan })
        {
            using var created = await http.PostAsJsonAsync($"{api}/patients/{id}/plans-of-care", new
            {
                therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 2, startDate = today.AddDays(14).ToString("yyyy-MM-dd"), preferredTime = "10:00:00",
            }, Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            if (id == patientId)
            {
                foreach (var visitId in (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitIds"]!.AsArray())
                {
                    (await clinic.CommandAsync(visitId!.GetValue<string>(), "cancel", new { reason = "moved away" })).EnsureSuccessStatusCode();
                }
            }
        }

        (await http.PostAsJsonAsync($"{api}/patients/{patientId}/authorizations", new { id = "auth-1", from = today.AddDays(-1), to = today.AddDays(60), visitsAuthorized = 2 }, Ct)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"{api}/patients/{patientId}/plan-of-care", new { start = today.AddDays(-80) }, Ct)).EnsureSuccessStatusCode();

        var lists = (await http.GetFromJsonAsync<JsonObject>($"{api}/worklists", Ct))!;

        foreach (var list in new[] { "droppedOff", "authorizationsLow", "recertificationDue" })
        {
            var row = Assert.Single(lists[list]!.AsArray())!;
            Assert.Equal(patientId, row["patientId"]!.GetValue<string>());
            Assert.Equal($"/patients/{clinic.Id}/{patientId}", row["profile"]!.GetValue<string>());
        }

        Assert.Equal("no visit booked; 0 of 2 planned visits attended", lists["droppedOff"]![0]!["detail"]!.GetValue<string>());
        Assert.StartsWith("authorization auth-1: 2 visits left", lists["authorizationsLow"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static DateOnly Today => Figures.ProfileScenario.Today;

    private static async Task<JsonObject> ListsAsync(ApiClinic clinic) =>
        (await clinic.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/worklists", Ct))!;

    private static string[] Keys(JsonObject lists, string list) => [.. lists[list]!.AsArray().Select(r => r!["key"]!.GetValue<string>())];

    private static async Task<(string PlanId, string[] VisitIds)> PlanAsync(ApiClinic clinic, string patientId, bool cancelAll)
    {
        using var created = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/plans-of-care", new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 2, startDate = Today.AddDays(14).ToString("yyyy-MM-dd"), preferredTime = "10:00:00",
        }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var plan = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        string[] visitIds = [.. plan["visitIds"]!.AsArray().Select(v => v!.GetValue<string>())];
        foreach (var visitId in cancelAll ? visitIds : [])
        {
            (await clinic.CommandAsync(visitId, "cancel", new { reason = "moved away" })).EnsureSuccessStatusCode();
        }

        return (plan["planId"]!.GetValue<string>(), visitIds);
    }

    private static async Task<string> BookAsync(ApiClinic clinic, string patientId, DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        using var booked = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = new DateTimeOffset(local, zone.GetUtcOffset(local)), overrideReason = "entered late",
        }, Ct);
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
        return (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> MarkDoneAsync(ApiClinic clinic, string patientId, string? rowKey) =>
        clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/worklists/done/{patientId}", new { rowKey }, Ct);

    [Fact]
    public async Task AMedicarePatientNineTreatmentDaysAfterTheLastProgressReportIsDueAndARecordedReportTakesThemOff()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var due = await clinic.AddPatientAsync("Mona", "Medicare");
        var notYet = await clinic.AddPatientAsync("Nell", "Eightdays");
        foreach (var (patientId, days) in new[] { (due, 9), (notYet, 8) })
        {
            await PlanAsync(clinic, patientId, cancelAll: false);
            (await clinic.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage",
                new { payer = "Medicare", memberId = "1EG4-TE5-MK72", billingMethod = "cms", copay = 0, isMedicare = true }, Ct)).EnsureSuccessStatusCode();
            // One billed visit on each of the last N days: N treatment days since the (never written) progress report.
            for (var day = 1; day <= days; day++)
            {
                var visitId = await BookAsync(clinic, patientId, Today.AddDays(-day), 9);
                foreach (var (action, body) in new (string, object?)[]
                {
                    ("arrive", null), ("check-in", null), ("start", new { roomId = "gym" }), ("finish", null),
                    ("record-services", new { services = new[] { new { code = "97110", minutes = 30 } } }), ("check-out", null),
                })
                {
                    using var step = await clinic.CommandAsync(visitId, action, body);
                    Assert.True(step.IsSuccessStatusCode, $"{action}: {await step.Content.ReadAsStringAsync(Ct)}");
                }
            }
        }

        var lists = await ListsAsync(clinic);

        var row = Assert.Single(lists["progressReportsDue"]!.AsArray())!;
        Assert.Equal(due, row["patientId"]!.GetValue<string>());
        Assert.Equal("progress report due: 9 treatment days since the last (every 10)", row["detail"]!.GetValue<string>());

        (await clinic.Http.PostAsync($"/api/clinics/{clinic.Id}/patients/{due}/progress-reports", null, Ct)).EnsureSuccessStatusCode();
        Assert.Empty((await ListsAsync(clinic))["progressReportsDue"]!.AsArray());
    }

    [Fact]
    public async Task TomorrowsVisitsWithoutVerifiedCoverageAreListedUntilTheCoverageIsVerified()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var unverified = await clinic.AddPatientAsync("Una", "Verified");
        var uninsured = await clinic.AddPatientAsync("Ian", "Uninsured");
        var verified = await clinic.AddPatientAsync("Vera", "Checked");
        foreach (var patientId in new[] { unverified, verified })
        {
            (await clinic.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage",
                new { payer = "Acme Health", memberId = "A-1", billingMethod = "per_code", copay = 20 }, Ct)).EnsureSuccessStatusCode();
        }

        (await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{verified}/coverage/verification", new { status = "verified" }, Ct)).EnsureSuccessStatusCode();
        var tomorrow = Today.AddDays(1);
        var visitOfUnverified = await BookAsync(clinic, unverified, tomorrow, 10);
        var visitOfUninsured = await BookAsync(clinic, uninsured, tomorrow, 11);
        await BookAsync(clinic, verified, tomorrow, 12);
        await BookAsync(clinic, unverified, Today.AddDays(2), 10);
        var cancelled = await BookAsync(clinic, uninsured, tomorrow, 14);
        (await clinic.CommandAsync(cancelled, "cancel", new { reason = "sick" })).EnsureSuccessStatusCode();

        var rows = (await ListsAsync(clinic))["unverifiedTomorrow"]!.AsArray();

        Assert.Equal([$"unverifiedTomorrow:{uninsured}:{visitOfUninsured}", $"unverifiedTomorrow:{unverified}:{visitOfUnverified}"],
            rows.Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal($"11:00 {tomorrow:yyyy-MM-dd} with Ann P., PT: no insurance on file", rows[0]!["detail"]!.GetValue<string>());
        Assert.Equal($"10:00 {tomorrow:yyyy-MM-dd} with Ann P., PT: insurance not verified", rows[1]!["detail"]!.GetValue<string>());
        Assert.Equal($"/patients/{clinic.Id}/{unverified}#coverage", rows[1]!["profile"]!.GetValue<string>());

        (await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{unverified}/coverage/verification", new { status = "verified" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal([$"unverifiedTomorrow:{uninsured}:{visitOfUninsured}"], Keys(await ListsAsync(clinic), "unverifiedTomorrow"));
    }

    [Fact]
    public async Task ARowMarkedDoneLeavesItsListWithWhoAndWhenUntilItsConditionChanges()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Dora", "Done");
        var (planId, planVisits) = await PlanAsync(clinic, patientId, cancelAll: true);
        (await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/authorizations",
            new { id = "auth-1", from = Today.AddDays(-1), to = Today.AddDays(60), visitsAuthorized = 2 }, Ct)).EnsureSuccessStatusCode();
        var droppedKey = $"droppedOff:{patientId}:{planId}";
        var authKey = $"authorizationsLow:{patientId}:auth-1";
        Assert.Equal([droppedKey], Keys(await ListsAsync(clinic), "droppedOff"));
        var before = DateTimeOffset.UtcNow;

        foreach (var key in new[] { droppedKey, authKey })
        {
            using var marked = await MarkDoneAsync(clinic, patientId, key);
            Assert.True(marked.IsSuccessStatusCode, await marked.Content.ReadAsStringAsync(Ct));
        }

        var lists = await ListsAsync(clinic);
        Assert.Empty(lists["droppedOff"]!.AsArray());
        Assert.Empty(lists["authorizationsLow"]!.AsArray());
        var done = lists["done"]!.AsArray();
        Assert.Equal([authKey, droppedKey], done.Select(d => d!["row"]!["key"]!.GetValue<string>()));
        Assert.Equal(["droppedOff"], done.Where(d => d!["row"]!["key"]!.GetValue<string>() == droppedKey).Select(d => d!["list"]!.GetValue<string>()));
        Assert.All(done, d => Assert.Equal("admin", d!["doneBy"]!.GetValue<string>()));
        Assert.All(done, d => Assert.InRange(d!["doneAt"]!.GetValue<DateTimeOffset>(), before, DateTimeOffset.UtcNow));

        // A new drop-off (the last cancellation taken back, then cancelled again) and a new authorization put the patient back on both lists.
        (await clinic.CommandAsync(planVisits[^1], "undo")).EnsureSuccessStatusCode();
        Assert.Empty((await ListsAsync(clinic))["droppedOff"]!.AsArray());
        (await clinic.CommandAsync(planVisits[^1], "cancel", new { reason = "sick" })).EnsureSuccessStatusCode();
        (await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/authorizations",
            new { id = "auth-2", from = Today.AddDays(-1), to = Today.AddDays(90), visitsAuthorized = 3 }, Ct)).EnsureSuccessStatusCode();

        lists = await ListsAsync(clinic);
        Assert.Equal([droppedKey], Keys(lists, "droppedOff"));
        Assert.Equal([$"authorizationsLow:{patientId}:auth-2"], Keys(lists, "authorizationsLow"));
        Assert.Equal([authKey], lists["done"]!.AsArray().Select(d => d!["row"]!["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MarkingARowNotOnTheListsIsRefusedAndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Rhea", "Refused");
        var other = await clinic.AddPatientAsync("Otto", "Other");
        var (planId, _) = await PlanAsync(clinic, patientId, cancelAll: true);
        var before = (await ListsAsync(clinic)).ToJsonString();

        using var missing = await MarkDoneAsync(clinic, patientId, null);
        using var unknown = await MarkDoneAsync(clinic, patientId, $"droppedOff:{patientId}:no-such-plan");
        using var otherPatient = await MarkDoneAsync(clinic, other, $"droppedOff:{patientId}:{planId}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("rowKey", (await ApiClinic.ProblemAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no-such-plan", (await ApiClinic.ProblemAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, otherPatient.StatusCode);
        Assert.Equal(before, (await ListsAsync(clinic)).ToJsonString());
    }
}
