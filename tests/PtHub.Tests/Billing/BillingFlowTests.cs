using System.Globalization;
using System.Net;
using PtHub.Grains.Contracts;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Billing;

/// <summary>Coverage, authorizations, KX, copay and charges through the API, as the front desk and biller use them.</summary>
[Collection(NodeCollection.Name)]
public sealed class BillingFlowTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string[] AlertCodes(JsonObject board, string visitId) =>
        [.. board["rows"]!.AsArray().Single(r => r!["visitId"]!.GetValue<string>() == visitId)!["alerts"]!.AsArray()
            .Select(a => a!["code"]!.GetValue<string>())];

    private Task<HttpResponseMessage> PutCoverageAsync(ApiClinic clinic, string patientId, bool medicare = false, string method = "cms", decimal copay = 0) =>
        Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage",
            new { payer = medicare ? "Medicare" : "Acme Health", plan = "PPO", memberId = "M-123", billingMethod = method, copay, isMedicare = medicare });

    private async Task<string> CheckedInAsync(ApiClinic clinic, string patientId)
    {
        var visitId = await clinic.BookAsync(patientId);
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "check-in")).EnsureSuccessStatusCode();
        return visitId;
    }

    private async Task CheckOutAsync(ApiClinic clinic, string visitId, params object[] services)
    {
        (await clinic.CommandAsync(visitId, "start", new { roomId = "gym" })).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "finish")).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "record-services", new { services })).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "check-out")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task UnverifiedInsuranceShowsOnTheBoardUntilVerified()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var visitId = await clinic.BookAsync(patientId);
        Assert.Contains("no-insurance", AlertCodes(await clinic.BoardAsync(), visitId));

        (await PutCoverageAsync(clinic, patientId)).EnsureSuccessStatusCode();
        Assert.Contains("insurance-unverified", AlertCodes(await clinic.BoardAsync(), visitId));

        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var record = await JsonAsync(await desk.Http.PostAsJsonAsync(
            $"/api/clinics/{clinic.Id}/patients/{patientId}/coverage/verification", new { status = "verified" }));

        Assert.Equal(desk.UserName, record["coverage"]!["verifiedBy"]!.GetValue<string>());
        Assert.DoesNotContain(AlertCodes(await clinic.BoardAsync(), visitId), c => c.StartsWith("insurance", StringComparison.Ordinal) || c == "no-insurance");
    }

    [Fact]
    public async Task CheckOutBillsUnitsByThePayersMethodAndExportsThem()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var cmsPatient = await clinic.AddPatientAsync("Ann", "Cms");
        var perCodePatient = await clinic.AddPatientAsync("Bo", "Percode");
        (await PutCoverageAsync(clinic, cmsPatient, method: "cms")).EnsureSuccessStatusCode();
        (await PutCoverageAsync(clinic, perCodePatient, method: "per_code")).EnsureSuccessStatusCode();
        var services = new object[] { new { code = "97110", minutes = 7 }, new { code = "97140", minutes = 7 }, new { code = "97161", minutes = 30 } };

        var first = await CheckedInAsync(clinic, cmsPatient);
        await CheckOutAsync(clinic, first, services);
        var second = await CheckedInAsync(clinic, perCodePatient);
        await CheckOutAsync(clinic, second, services);

        var cms = (await clinic.VisitAsync(first))["billing"]!["charges"]!.AsArray();
        var perCode = (await clinic.VisitAsync(second))["billing"]!["charges"]!.AsArray();
        Assert.Equal(2, cms.Count);
        Assert.Equal(1, cms.Single(c => c!["code"]!.GetValue<string>() == "97161")!["units"]!.GetValue<int>());
        Assert.Equal(1, cms.Where(c => c!["code"]!.GetValue<string>() != "97161").Sum(c => c!["units"]!.GetValue<int>()));
        Assert.Equal("97161", Assert.Single(perCode)!["code"]!.GetValue<string>());

        var csv = await Http.GetStringAsync($"/api/clinics/{clinic.Id}/charges.csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("patient_id,date_of_service,code,units,modifiers,payer", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{cmsPatient},", StringComparison.Ordinal) && l.EndsWith(",97161,1,,Acme Health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinutesAreRecordedOnlyOnceTreatmentIsFinishedAndOnlyForKnownCodes()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await CheckedInAsync(clinic, await clinic.AddPatientAsync());

        var early = await clinic.CommandAsync(visitId, "record-services", new { services = new[] { new { code = "97110", minutes = 20 } } });
        (await clinic.CommandAsync(visitId, "start", new { roomId = "gym" })).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "finish")).EnsureSuccessStatusCode();
        var unknown = await clinic.CommandAsync(visitId, "record-services", new { services = new[] { new { code = "99999", minutes = 20 } } });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("99999", (await ApiClinic.ProblemAsync(unknown)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AuthorizationIsConsumedAtCheckOutAndWarnsAtItsEnd()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        (await PutCoverageAsync(clinic, patientId)).EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/authorizations",
            new { id = "auth-1", from = today.AddDays(-30), to = today.AddDays(30), visitsAuthorized = 2, unitsAuthorized = 40 })).EnsureSuccessStatusCode();

        var first = await CheckedInAsync(clinic, patientId);
        Assert.Contains("auth-visits", AlertCodes(await clinic.BoardAsync(), first));
        await CheckOutAsync(clinic, first, new { code = "97110", minutes = 38 });

        var patient = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}");
        var auth = patient!["authorizations"]!.AsArray().Single()!;
        Assert.Equal(1, auth["visitsUsed"]!.GetValue<int>());
        Assert.Equal(3, auth["unitsUsed"]!.GetValue<int>());

        var second = await clinic.BookAsync(patientId);
        var third = await JsonAsync(await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId, therapistId = "bob", visitType = "follow-up", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(2), overrideReason = "test: stacked" }));
        Assert.NotEqual(second, third["visitId"]!.GetValue<string>());
        Assert.Contains("beyond the last authorized visit", third["warnings"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task MedicareVisitsAboveTheThresholdCarryTheKxModifier()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        (await PutCoverageAsync(clinic, patientId, medicare: true)).EnsureSuccessStatusCode();

        // Example fee schedule: 97110 at $30 a unit; 600 minutes are 40 units, $1,200. The threshold is $2,410 or more.
        var charges = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            var visitId = await CheckedInAsync(clinic, patientId);
            await CheckOutAsync(clinic, visitId, new { code = "97110", minutes = 600 });
            var visit = await clinic.VisitAsync(visitId);
            charges.Add(visit["billing"]!["charges"]!.AsArray().Single()!);
        }

        Assert.All(charges, c => Assert.Equal(40, c["units"]!.GetValue<int>()));
        Assert.Empty(charges[0]["modifiers"]!.AsArray());
        Assert.Empty(charges[1]["modifiers"]!.AsArray());
        Assert.Equal("KX", charges[2]["modifiers"]!.AsArray().Single()!.GetValue<string>());
        var patient = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}");
        Assert.Equal(3600m, patient!["medicareAllowed"]!.AsArray().Single()!["amount"]!.GetValue<decimal>());
        var next = await clinic.BookAsync(patientId);
        var board = await clinic.BoardAsync();
        Assert.True(board["rows"]!.AsArray().Any(r => r!["visitId"]!.GetValue<string>() == next), board.ToJsonString());
        Assert.Contains("kx", AlertCodes(board, next));
    }

    [Fact]
    public async Task CopayDueShowsUntilCollected()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        (await PutCoverageAsync(clinic, patientId, copay: 25m)).EnsureSuccessStatusCode();
        var visitId = await clinic.BookAsync(patientId);
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        Assert.Contains("copay-due", AlertCodes(await clinic.BoardAsync(), visitId));

        var paid = await JsonAsync(await clinic.CommandAsync(visitId, "collect-copay", new { amount = 25m, method = "card" }));
        var twice = await clinic.CommandAsync(visitId, "collect-copay", new { amount = 25m, method = "card" });

        Assert.Equal(25m, paid["copayCollected"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("card", paid["copayCollected"]!["method"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.DoesNotContain("copay-due", AlertCodes(await clinic.BoardAsync(), visitId));
    }

    [Fact]
    public async Task TheDeskMayTakeAnotherCopayAmountAndTheBoardRowShowsWhatWasPaid()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        (await PutCoverageAsync(clinic, patientId, copay: 25m)).EnsureSuccessStatusCode();
        var visitId = await clinic.BookAsync(patientId);
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();

        (await clinic.CommandAsync(visitId, "collect-copay", new { amount = 12.5m, method = "cash" })).EnsureSuccessStatusCode();

        var row = (await clinic.BoardAsync())["rows"]!.AsArray().Single(r => r!["visitId"]!.GetValue<string>() == visitId)!;
        Assert.Null(row["copayDue"]);
        Assert.Equal(12.5m, row["copayPaid"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("cash", row["copayPaid"]!["method"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10000.01")]
    [InlineData("12.345")]
    [InlineData(null)]
    public async Task ABadCopayAmountAnswers400NamingItAndChangesNothing(string? amount)
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        (await PutCoverageAsync(clinic, patientId, copay: 25m)).EnsureSuccessStatusCode();
        var visitId = await clinic.BookAsync(patientId);
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        var before = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/visits/{visitId}");

        var response = await clinic.CommandAsync(visitId, "collect-copay",
            amount is null ? (object)new { method = "card" } : new { amount = decimal.Parse(amount, CultureInfo.InvariantCulture), method = "card" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await ApiClinic.ProblemAsync(response)).GetProperty("errors").TryGetProperty("amount", out _));
        var after = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/visits/{visitId}");
        Assert.Null(after!["visit"]!["copayCollected"]);
        Assert.Equal(before!["events"]!.AsArray().Count, after["events"]!.AsArray().Count);
        Assert.Contains("copay-due", AlertCodes(await clinic.BoardAsync(), visitId));
    }

    [Fact]
    public async Task BadCoverageAndAuthorizationRequestsAnswer400AndChangeNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        var coverage = await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage", new { payer = "", copay = -5 });
        var auth = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/authorizations", new { from = "2026-05-01", to = "2026-04-01" });
        var verify = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage/verification", new { status = "verified" });

        Assert.Equal(HttpStatusCode.BadRequest, coverage.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(coverage)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("payer", out _));
        Assert.True(errors.TryGetProperty("billingMethod", out _));
        Assert.Equal(HttpStatusCode.BadRequest, auth.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
        var patient = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}");
        Assert.Null(patient!["coverage"]);
        Assert.Null(patient["authorizations"]);
    }
}
