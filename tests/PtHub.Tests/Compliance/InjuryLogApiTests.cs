using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Compliance;

/// <summary>
/// The injury and illness log through the REST API: cases get running numbers, the year's totals are the OSHA 300
/// totals row worked out by hand, a correction keeps the number, the CSV has the form's columns, and every bad
/// input is a problem naming its field with nothing recorded.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class InjuryLogApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);

    [Fact]
    public async Task CasesAreNumberedInTurnAndTheYearsTotalsAreTheFormsTotalsRow()
    {
        var api = await LogAsync();
        // Dates in this year (the earliest is 1 January), so all three fall in the default year.
        var first = Today.AddDays(-(Today.DayOfYear - 1));
        await Record(api, new { date = first, person = "Ann Park", jobTitle = "PT", description = "Back strain lifting a patient", caseType = "Injury", outcome = "DaysAway", daysAway = 4, daysRestricted = 2 });
        await Record(api, new { date = first, person = "Bob Li", description = "Needle-stick from dry needling", caseType = "Injury", outcome = "OtherRecordable" });
        await Record(api, new { date = Today, person = "Cy Doe", where = "Gym", description = "Wrist sprain on the treadmill", caseType = "Injury", outcome = "JobTransferOrRestriction", daysRestricted = 5 });

        var log = (await Http.GetFromJsonAsync<JsonObject>(api, Ct))!;

        Assert.Equal(Today.Year, log["year"]!.GetValue<int>());
        Assert.Equal([1, 2, 3], log["cases"]!.AsArray().Select(c => c!["caseNumber"]!.GetValue<int>()));
        var totals = log["totals"]!;
        // By hand: 3 cases; 1 days away, 1 transfer or restriction, 1 other; days away 4; days restricted 2 + 5 = 7.
        Assert.Equal((3, 0, 1, 1, 1, 4, 7), (totals["cases"]!.GetValue<int>(), totals["deaths"]!.GetValue<int>(), totals["daysAwayCases"]!.GetValue<int>(),
            totals["jobTransferOrRestrictionCases"]!.GetValue<int>(), totals["otherRecordableCases"]!.GetValue<int>(),
            totals["daysAway"]!.GetValue<int>(), totals["daysRestricted"]!.GetValue<int>()));
        var lastYear = (await Http.GetFromJsonAsync<JsonObject>($"{api}?year={Today.Year - 1}", Ct))!;
        Assert.Empty(lastYear["cases"]!.AsArray());
    }

    [Fact]
    public async Task ACorrectionKeepsTheCaseNumberAndWhoRecordedItAndTheCsvHasTheFormsColumns()
    {
        var api = await LogAsync();
        var recorded = await Record(api, new { date = Today, person = "Ann Park", description = "Cut hand, \"sharp\" table edge", caseType = "Injury", outcome = "OtherRecordable" });
        var caseId = recorded["caseId"]!.GetValue<string>();

        using var changed = await Http.PutAsJsonAsync($"{api}/{caseId}", new
        {
            date = Today, person = "Ann Park", jobTitle = "PT", description = "Cut hand, \"sharp\" table edge", caseType = "Injury", outcome = "DaysAway", daysAway = 2,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var entry = (await changed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((1, "admin", "admin"), (entry["caseNumber"]!.GetValue<int>(), entry["recordedBy"]!.GetValue<string>(), entry["changedBy"]!.GetValue<string>()));
        var csv = await Http.GetStringAsync($"{api}.csv?year={Today.Year}", Ct);
        Assert.Equal(
            $"case,employee,job title,date,where,description,outcome,days away,days restricted,case type\n1,Ann Park,PT,{Today:yyyy-MM-dd},,\"Cut hand, \"\"sharp\"\" table edge\",days away from work,2,0,injury\n",
            csv);
    }

    [Theory]
    [InlineData("date", """{"person":"Ann","description":"Sprain","outcome":"OtherRecordable"}""")]
    [InlineData("date", """{"date":"2999-01-01","person":"Ann","description":"Sprain","outcome":"OtherRecordable"}""")]
    [InlineData("person", """{"date":"2024-03-01","person":" ","description":"Sprain","outcome":"OtherRecordable"}""")]
    [InlineData("description", """{"date":"2024-03-01","person":"Ann","outcome":"OtherRecordable"}""")]
    [InlineData("outcome", """{"date":"2024-03-01","person":"Ann","description":"Sprain"}""")]
    [InlineData("outcome", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"DaysAway","daysAway":0}""")]
    [InlineData("outcome", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"JobTransferOrRestriction","daysAway":1,"daysRestricted":3}""")]
    [InlineData("outcome", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"OtherRecordable","daysRestricted":1}""")]
    [InlineData("daysAway", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"DaysAway","daysAway":181}""")]
    [InlineData("daysRestricted", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"Death","daysRestricted":-1}""")]
    [InlineData("caseType", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"OtherRecordable"}""")]
    [InlineData("staffId", """{"date":"2024-03-01","person":"Ann","description":"Sprain","outcome":"OtherRecordable","caseType":"Injury","staffId":"nobody"}""")]
    public async Task BadInputIsAProblemNamingItsFieldAndRecordsNothing(string field, string body)
    {
        var api = await LogAsync();
        var existing = await Record(api, new { date = new DateOnly(2024, 3, 1), person = "Ann Park", description = "Sprain", caseType = "Injury", outcome = "OtherRecordable" });

        foreach (var (method, url) in new[] { (HttpMethod.Post, api), (HttpMethod.Put, $"{api}/{existing["caseId"]!.GetValue<string>()}") })
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            using var refused = await Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey(field), $"{method} {body} names no {field}");
        }

        var cases = (await Http.GetFromJsonAsync<JsonObject>($"{api}?year=2024", Ct))!["cases"]!.AsArray();
        var only = Assert.Single(cases)!;
        Assert.Equal(("OtherRecordable", (string?)null), (only["details"]!["outcome"]!.GetValue<string>(), only["changedBy"]?.GetValue<string>()));
    }

    [Fact]
    public async Task ACaseTypeTheFormDoesNotHaveIsRefusedNamingTheField()
    {
        var api = await LogAsync();

        using var refused = await Http.PostAsync(api, new StringContent(
            """{"date":"2024-03-01","person":"Ann","description":"Sunburn","outcome":"OtherRecordable","caseType":"Sunburn"}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("$.caseType", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>($"{api}?year=2024", Ct))!["cases"]!.AsArray());
    }

    [Fact]
    public async Task AYearAfterThisOneOrAnUnknownCaseIsRefused()
    {
        var api = await LogAsync();

        using var future = await Http.GetAsync($"{api}?year={Today.Year + 1}", Ct);
        using var unknown = await Http.PutAsJsonAsync($"{api}/no-such-case", new { date = Today, person = "Ann", description = "Sprain", caseType = "Injury", outcome = "OtherRecordable" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (future.StatusCode, unknown.StatusCode));
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>(api, Ct))!["cases"]!.AsArray());
    }

    [Fact]
    public async Task TheAnnualSummaryCountsCasesByOutcomeAndTypeAndItsRatesUseTheManagersHours()
    {
        var api = await LogAsync();
        var year = Today.Year - 1;
        await Record(api, new { date = new DateOnly(year, 1, 31), person = "Ann Park", description = "Back strain", caseType = "Injury", outcome = "DaysAway", daysAway = 6, daysRestricted = 3 });
        await Record(api, new { date = new DateOnly(year, 2, 28), person = "Bob Li", description = "Latex dermatitis", caseType = "SkinDisorder", outcome = "JobTransferOrRestriction", daysRestricted = 10 });
        await Record(api, new { date = new DateOnly(year, 6, 1), person = "Cy Doe", description = "Needle-stick", caseType = "AllOtherIllnesses", outcome = "OtherRecordable", privacyCase = true });
        await Record(api, new { date = new DateOnly(year, 12, 31), person = "Di Roe", description = "Cleaning-agent fumes", caseType = "RespiratoryCondition", outcome = "OtherRecordable" });
        await Record(api, new { date = new DateOnly(year - 1, 12, 31), person = "Ed Fox", description = "Earlier year", caseType = "HearingLoss", outcome = "OtherRecordable" });

        var before = (await Http.GetFromJsonAsync<JsonObject>($"{api}/summary?year={year}", Ct))!;
        Assert.Null(before["establishment"]);
        Assert.Null(before["totalRecordableRate"]);

        using var entered = await Http.PutAsJsonAsync($"{api}/summary", new { year, averageEmployees = 12, hoursWorked = 22_500 }, Ct);
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var summary = (await Http.GetFromJsonAsync<JsonObject>($"{api}/summary?year={year}", Ct))!;

        // By hand: 4 cases of that year (Ed's is the year before): 1 days away, 1 restriction, 2 other; days away 6,
        // restricted 3 + 10 = 13; 1 injury, 1 skin disorder, 1 respiratory, 1 other illness. Rates per 200,000 hours of
        // 22,500: recordable 4 × 200,000 / 22,500 = 35.555… → 35.56; days away or restricted 2 × 200,000 / 22,500 = 17.78.
        var t = summary["totals"]!;
        Assert.Equal((4, 0, 1, 1, 2, 6, 13), (t["cases"]!.GetValue<int>(), t["deaths"]!.GetValue<int>(), t["daysAwayCases"]!.GetValue<int>(),
            t["jobTransferOrRestrictionCases"]!.GetValue<int>(), t["otherRecordableCases"]!.GetValue<int>(), t["daysAway"]!.GetValue<int>(), t["daysRestricted"]!.GetValue<int>()));
        Assert.Equal((1, 1, 1, 0, 0, 1), (t["injuries"]!.GetValue<int>(), t["skinDisorders"]!.GetValue<int>(), t["respiratoryConditions"]!.GetValue<int>(),
            t["poisonings"]!.GetValue<int>(), t["hearingLosses"]!.GetValue<int>(), t["allOtherIllnesses"]!.GetValue<int>()));
        Assert.Equal((12, 22_500L, "admin"), (summary["establishment"]!["averageEmployees"]!.GetValue<int>(), summary["establishment"]!["hoursWorked"]!.GetValue<long>(),
            summary["establishment"]!["enteredBy"]!.GetValue<string>()));
        Assert.Equal((35.56m, 17.78m), (summary["totalRecordableRate"]!.GetValue<decimal>(), summary["daysAwayRestrictedRate"]!.GetValue<decimal>()));

        var csv = await Http.GetStringAsync($"{api}/summary.csv?year={year}", Ct);
        foreach (var line in new[]
        {
            $"year,{year}", "total cases,4", "cases with days away from work,1", "cases with job transfer or restriction,1", "other recordable cases,2",
            "days away from work,6", "days of job transfer or restriction,13", "injuries,1", "skin disorders,1", "respiratory conditions,1", "poisonings,0",
            "hearing loss,0", "all other illnesses,1", "annual average number of employees,12", "total hours worked by all employees,22500",
            "total recordable case rate,35.56", "\"days away, restricted or transferred rate\",17.78",
        })
        {
            Assert.Contains($"\n{line}\n", csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APrivacyCaseKeepsItsNameInTheLogButTheExportWithholdsIt()
    {
        var api = await LogAsync();
        await Record(api, new { date = Today, person = "Ann Park", jobTitle = "PT", description = "Needle-stick, contaminated", caseType = "AllOtherIllnesses", outcome = "OtherRecordable", privacyCase = true });
        await Record(api, new { date = Today, person = "Bob Li", description = "Wrist sprain", caseType = "Injury", outcome = "OtherRecordable" });

        var log = (await Http.GetFromJsonAsync<JsonObject>(api, Ct))!["cases"]!.AsArray();
        var csv = await Http.GetStringAsync($"{api}.csv", Ct);

        Assert.Equal(["Ann Park", "Bob Li"], log.Select(c => c!["details"]!["person"]!.GetValue<string>()));
        Assert.Contains($"\n1,privacy case,PT,{Today:yyyy-MM-dd},,\"Needle-stick, contaminated\",other recordable case,0,0,all other illnesses\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann Park", csv, StringComparison.Ordinal);
        Assert.Contains("\n2,Bob Li,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonOnTheRosterHasTheirCasesOfEveryYear()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/injury-log";
        var ann = await StaffAsync(clinic.Id, "Ann Park");
        var bob = await StaffAsync(clinic.Id, "Bob Li");
        var old = await Record(api, new { date = new DateOnly(Today.Year - 2, 5, 4), person = "Ann Park", description = "Back strain", caseType = "Injury", outcome = "OtherRecordable", staffId = ann });
        await Record(api, new { date = Today, person = "Bob Li", description = "Sprain", caseType = "Injury", outcome = "OtherRecordable", staffId = bob });
        var recent = await Record(api, new { date = Today, person = "Ann Park", description = "Dermatitis", caseType = "SkinDisorder", outcome = "OtherRecordable", staffId = ann });
        await Record(api, new { date = Today, person = "Ann Parke", description = "Not linked", caseType = "Injury", outcome = "OtherRecordable" });

        var cases = (await Http.GetFromJsonAsync<JsonObject>($"{api}/people/{ann}", Ct))!;

        Assert.Equal("Ann Park", cases["name"]!.GetValue<string>());
        Assert.Equal([old["caseId"]!.GetValue<string>(), recent["caseId"]!.GetValue<string>()], cases["cases"]!.AsArray().Select(c => c!["caseId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"{api}/people/nobody", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("year", """{"averageEmployees":10,"hoursWorked":20000}""")]
    [InlineData("year", """{"year":1970,"averageEmployees":10,"hoursWorked":20000}""")]
    [InlineData("year", """{"year":2999,"averageEmployees":10,"hoursWorked":20000}""")]
    [InlineData("averageEmployees", """{"year":2024,"hoursWorked":20000}""")]
    [InlineData("averageEmployees", """{"year":2024,"averageEmployees":-1,"hoursWorked":20000}""")]
    [InlineData("hoursWorked", """{"year":2024,"averageEmployees":10}""")]
    [InlineData("hoursWorked", """{"year":2024,"averageEmployees":10,"hoursWorked":-5}""")]
    [InlineData("hoursWorked", """{"year":2024,"averageEmployees":1,"hoursWorked":8785}""")]
    public async Task BadSummaryInputIsAProblemNamingItsFieldAndChangesNothing(string field, string body)
    {
        var api = await LogAsync();
        (await Http.PutAsJsonAsync($"{api}/summary", new { year = 2024, averageEmployees = 3, hoursWorked = 6000 }, Ct)).EnsureSuccessStatusCode();
        var before = await Http.GetStringAsync($"{api}/summary?year=2024", Ct);

        using var request = new HttpRequestMessage(HttpMethod.Put, $"{api}/summary") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        using var refused = await Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey(field), $"{body} names no {field}");
        Assert.Equal(before, await Http.GetStringAsync($"{api}/summary?year=2024", Ct));
    }

    private async Task<string> StaffAsync(string clinicId, string name)
    {
        using var response = await Http.PostAsJsonAsync($"/api/clinics/{clinicId}/staff", new { name, jobRole = "PT", employmentStart = "2020-01-06" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["staffId"]!.GetValue<string>();
    }

    private async Task<string> LogAsync() => $"/api/clinics/{(await ApiClinic.CreateAsync(Http)).Id}/injury-log";

    private async Task<JsonObject> Record(string api, object body)
    {
        using var response = await Http.PostAsJsonAsync(api, body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
