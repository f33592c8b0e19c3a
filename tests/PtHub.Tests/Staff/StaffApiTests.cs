using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Staff;

/// <summary>
/// The roster through the REST API: alerts exactly at the lead days, a booking of a therapist whose licence has
/// expired on the visit's date (refused with the reason, booked with an override that the visit records), HIPAA
/// standing, who reads what, and bad input refused with nothing changed.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class StaffApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(61, null, false)]
    [InlineData(60, 60, false)]
    [InlineData(31, 60, false)]
    [InlineData(30, 30, false)]
    [InlineData(1, 30, false)]
    [InlineData(0, 0, false)]
    [InlineData(-1, null, true)]
    public async Task ALicenceAlertsAtTheSmallestLeadDayItIsWithinAndAsExpiredTheDayAfter(int daysLeft, int? lead, bool past)
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        await Post($"/api/clinics/{clinic.Id}/staff/{ann}/credentials", new { type = "pt-licence", number = "PT-123", issuer = "NY", expiry = today.AddDays(daysLeft) });

        var alerts = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/staff/alerts", Ct))!["alerts"]!.AsArray();

        if (lead is null && !past)
        {
            Assert.Empty(alerts);
            return;
        }

        var alert = Assert.Single(alerts)!;
        Assert.Equal((daysLeft, lead, past, "State PT licence"),
            (alert["daysLeft"]!.GetValue<int>(), alert["leadDays"]?.GetValue<int>(), alert["past"]!.GetValue<bool>(), alert["typeName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ARenewedLicenceReplacesTheExpiringOneAndTrainingIsDueItsIntervalAfterCompletion()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        var api = $"/api/clinics/{clinic.Id}/staff/{ann}";
        await Post($"{api}/credentials", new { type = "pt-licence", number = "PT-1", expiry = today.AddDays(10) });
        await Post($"{api}/credentials", new { type = "pt-licence", number = "PT-1", expiry = today.AddYears(2) });
        var trained = await Post($"{api}/training", new { type = "osha", completedOn = today.AddMonths(-12).AddDays(20) });

        Assert.Equal(today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), trained["training"]![0]!["dueOn"]!.GetValue<string>());
        var alert = Assert.Single((await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/staff/alerts", Ct))!["alerts"]!.AsArray())!;
        Assert.Equal(("Training", "osha", 20, 30), (alert["subject"]!.GetValue<string>(), alert["typeCode"]!.GetValue<string>(),
            alert["daysLeft"]!.GetValue<int>(), alert["leadDays"]!.GetValue<int>()));
    }

    [Fact]
    public async Task BookingATherapistWhoseLicenceExpiredBeforeTheVisitsDateIsAConflictTheDeskCanOverrideWithAReason()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        await Post($"/api/clinics/{clinic.Id}/staff/{ann}/credentials", new { type = "pt-licence", number = "PT-123", issuer = "NY", expiry = today.AddDays(9) });
        var patientId = await clinic.AddPatientAsync();
        var onExpiry = At(today.AddDays(9), 10);
        var dayAfter = At(today.AddDays(10), 10);

        using (var lastValidDay = await BookAsync(clinic, patientId, "ann", onExpiry, null))
        {
            Assert.Equal(HttpStatusCode.Created, lastValidDay.StatusCode);
        }

        using (var refused = await BookAsync(clinic, patientId, "ann", dayAfter, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var conflicts = (await ApiClinic.ProblemAsync(refused)).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal([$"Ann Park's State PT licence PT-123 expired on {today.AddDays(9):yyyy-MM-dd}."], conflicts);
        }

        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/schedule?date={today.AddDays(10):yyyy-MM-dd}", Ct))!["entries"]!.AsArray());
        using (var bob = await BookAsync(clinic, patientId, "bob", dayAfter, null))
        {
            Assert.Equal(HttpStatusCode.Created, bob.StatusCode);
        }

        using var overridden = await BookAsync(clinic, patientId, "ann", dayAfter.AddHours(2), "renewal mailed, board confirmed by phone");
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var visitId = (await overridden.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
        var history = (await clinic.VisitAsync(visitId)).ToJsonString();
        Assert.Contains("renewal mailed, board confirmed by phone", history, StringComparison.Ordinal);
        Assert.Contains("State PT licence PT-123 expired on", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWalkInWithATherapistWhoseLicenceHasExpiredIsTheSameConflictAndOverriddenWithAReason()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        await Post($"/api/clinics/{clinic.Id}/staff/{ann}/credentials", new { type = "pt-licence", number = "PT-123", expiry = today.AddDays(-1) });
        var patientId = await clinic.AddPatientAsync();

        using (var refused = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/walk-ins", new { patientId, therapistId = "ann", visitType = "follow-up" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var conflicts = (await ApiClinic.ProblemAsync(refused)).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal([$"Ann Park's State PT licence PT-123 expired on {today.AddDays(-1):yyyy-MM-dd}."], conflicts);
        }

        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board", Ct))!["rows"]!.AsArray());
        using var overridden = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/walk-ins",
            new { patientId, therapistId = "ann", visitType = "follow-up", overrideReason = "renewal confirmed by the board" }, Ct);
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var history = (await clinic.VisitAsync((await overridden.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>())).ToJsonString();
        Assert.Contains("renewal confirmed by the board", history, StringComparison.Ordinal);
        Assert.Contains("State PT licence PT-123 expired on", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingAVisitPastTheLicencesExpiryIsAConflictToo()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        await Post($"/api/clinics/{clinic.Id}/staff/{ann}/credentials", new { type = "pta-licence", number = "PTA-9", expiry = today.AddDays(5) });
        using var booked = await BookAsync(clinic, await clinic.AddPatientAsync(), "ann", At(today.AddDays(4), 10), null);
        var visitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();

        using var moved = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/reschedule", new { scheduledStart = At(today.AddDays(6), 10) }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(today.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (await clinic.VisitAsync(visitId))["visit"]!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task HipaaStandingIsCurrentDueSoonOverdueOrMissingForEveryPerson()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var api = $"/api/clinics/{clinic.Id}/staff";
        foreach (var (name, due) in new (string, int?)[] { ("Current", 61), ("Due soon", 60), ("Overdue", -1), ("Missing", null) })
        {
            var id = await AddAsync(clinic, name, null);
            if (due is { } days)
            {
                await Post($"{api}/{id}/training", new { type = "hipaa", dueOn = today.AddDays(days) });
            }
        }

        var standing = (await Http.GetFromJsonAsync<JsonArray>($"{api}/training/hipaa", Ct))!;

        Assert.Equal(["Current:Current", "Due soon:DueSoon", "Overdue:Overdue", "Missing:Missing"],
            standing.Select(s => $"{s!["staffName"]}:{s["standing"]}"));
    }

    [Fact]
    public async Task ClinicsSetTheirOwnTypesAndLeadDaysAndCannotDropATypeSomeoneHolds()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var api = $"/api/clinics/{clinic.Id}/staff";
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        var settings = new
        {
            credentialTypes = new object[] { new { code = "pt-licence", name = "State PT licence", licence = true }, new { code = "dry-needling", name = "Dry needling cert.", licence = false } },
            trainingTypes = new object[] { new { code = "hipaa", name = "HIPAA", intervalMonths = 12 }, new { code = "bloodborne", name = "Bloodborne pathogens", intervalMonths = 12 } },
            leadDays = new[] { 0, 90 },
        };
        (await Http.PutAsJsonAsync($"{api}/settings", settings, Ct)).EnsureSuccessStatusCode();
        await Post($"{api}/{ann}/credentials", new { type = "dry-needling", number = "DN-4", expiry = today.AddDays(75) });

        var alert = Assert.Single((await Http.GetFromJsonAsync<JsonObject>($"{api}/alerts", Ct))!["alerts"]!.AsArray())!;
        Assert.Equal(("Dry needling cert.", 90), (alert["typeName"]!.GetValue<string>(), alert["leadDays"]!.GetValue<int>()));

        using var dropping = await Http.PutAsJsonAsync($"{api}/settings", new
        {
            credentialTypes = new object[] { new { code = "pt-licence", name = "State PT licence", licence = true } }, settings.trainingTypes, settings.leadDays,
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, dropping.StatusCode);
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonObject>($"{api}/settings", Ct))!["credentialTypes"]!.AsArray().Count);
    }

    [Fact]
    public async Task StaffReadTheirOwnCredentialsAndOnlyManagersReadTheRoster()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        using var therapist = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        var api = $"/api/clinics/{clinic.Id}/staff";
        using (var added = await manager.Http.PostAsJsonAsync(api, new
        {
            name = "Ann Park", jobRole = "PT", employmentStart = "2024-03-01", email = "ann@example.org", userId = therapist.UserName, therapistId = "ann",
        }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var id = (await added.Content.ReadFromJsonAsync<JsonObject>(Ct))!["staffId"]!.GetValue<string>();
            (await manager.Http.PostAsJsonAsync($"{api}/{id}/credentials", new { type = "npi", number = "1234567893" }, Ct)).EnsureSuccessStatusCode();
        }

        var mine = (await therapist.Http.GetFromJsonAsync<JsonObject>($"{api}/me", Ct))!;
        Assert.Equal(("Ann Park", "1234567893"), (mine["name"]!.GetValue<string>(), mine["credentials"]![0]!["number"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Http.GetAsync($"{api}/me", Ct)).StatusCode);
        foreach (var client in new[] { therapist.Http, desk.Http })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(api, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{api}/alerts", Ct)).StatusCode);
        }

        var audit = (await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/audit?userId={therapist.UserName.ToLowerInvariant()}", Ct))!;
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "staff.self" && e["resource"]!.GetValue<string>() == $"GET {api}/me");
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await TodayAsync(clinic);
        var api = $"/api/clinics/{clinic.Id}/staff";
        var ann = await AddAsync(clinic, "Ann Park", "ann");
        var before = await Http.GetStringAsync(api, Ct);
        var settingsBefore = await Http.GetStringAsync($"{api}/settings", Ct);

        foreach (var (method, path, body, field) in new (string, string, object, string)[]
        {
            ("POST", api, new { jobRole = "PT", employmentStart = "2024-01-01" }, "name"),
            ("POST", api, new { name = "X", employmentStart = "2024-01-01" }, "jobRole"),
            ("POST", api, new { name = "X", jobRole = "PT" }, "employmentStart"),
            ("POST", api, new { name = "X", jobRole = "PT", employmentStart = "2024-01-01", email = "not-an-address" }, "email"),
            ("POST", api, new { name = "X", jobRole = "PT", employmentStart = "2024-01-01", therapistId = "zed" }, "therapistId"),
            ("POST", api, new { name = "X", jobRole = "PT", employmentStart = "2024-01-01", userId = "no-such-user" }, "userId"),
            ("PUT", $"{api}/{ann}", new { name = "", jobRole = "PT", employmentStart = "2024-01-01" }, "name"),
            ("POST", $"{api}/{ann}/credentials", new { type = "pilot-licence", number = "1" }, "type"),
            ("POST", $"{api}/{ann}/credentials", new { type = "pt-licence" }, "number"),
            ("POST", $"{api}/{ann}/credentials", new { type = "npi", number = "1234567890" }, "number"),
            ("POST", $"{api}/{ann}/training", new { type = "hipaa" }, "dueOn"),
            ("POST", $"{api}/{ann}/training", new { type = "hipaa", completedOn = today.AddDays(1) }, "completedOn"),
            ("POST", $"{api}/{ann}/training", new { type = "fire-drill", completedOn = today }, "type"),
            ("PUT", $"{api}/settings", new { credentialTypes = new[] { new { code = "x", name = "X" } }, trainingTypes = new[] { new { code = "osha", name = "OSHA", intervalMonths = 12 } }, leadDays = new[] { 30 } }, "trainingTypes"),
            ("PUT", $"{api}/settings", new { credentialTypes = new[] { new { code = "Bad Code", name = "X" } }, trainingTypes = new[] { new { code = "hipaa", name = "HIPAA", intervalMonths = 12 } }, leadDays = new[] { 30 } }, "credentialTypes"),
            ("PUT", $"{api}/settings", new { credentialTypes = new[] { new { code = "x", name = "X" } }, trainingTypes = new[] { new { code = "hipaa", name = "HIPAA", intervalMonths = 12 } }, leadDays = new[] { 30, 30 } }, "leadDays"),
        })
        {
            using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(body) }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {field}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![field] is not null, $"{path}: {field}");
        }

        using (var clash = await Http.PostAsJsonAsync(api, new { name = "Another Ann", jobRole = "PT", employmentStart = "2024-01-01", therapistId = "ann" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsJsonAsync($"{api}/nobody/credentials", new { type = "npi", number = "1234567893" }, Ct)).StatusCode);
        Assert.Equal(before, await Http.GetStringAsync(api, Ct));
        Assert.Equal(settingsBefore, await Http.GetStringAsync($"{api}/settings", Ct));
    }

    private static DateTimeOffset At(DateOnly date, int hour)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private Task<HttpResponseMessage> BookAsync(ApiClinic clinic, string patientId, string therapistId, DateTimeOffset start, string? overrideReason) =>
        Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new { patientId, therapistId, visitType = "follow-up", scheduledStart = start, overrideReason }, Ct);

    private async Task<DateOnly> TodayAsync(ApiClinic clinic) =>
        DateOnly.Parse((await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/staff/alerts", Ct))!["today"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private async Task<string> AddAsync(ApiClinic clinic, string name, string? therapistId) =>
        (await Post($"/api/clinics/{clinic.Id}/staff", new { name, jobRole = "PT", employmentStart = "2023-05-01", therapistId }))["staffId"]!.GetValue<string>();

    private async Task<JsonObject> Post(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
