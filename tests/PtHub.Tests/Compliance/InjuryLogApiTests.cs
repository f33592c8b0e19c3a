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
        await Record(api, new { date = first, person = "Ann Park", jobTitle = "PT", description = "Back strain lifting a patient", outcome = "DaysAway", daysAway = 4, daysRestricted = 2 });
        await Record(api, new { date = first, person = "Bob Li", description = "Needle-stick from dry needling", outcome = "OtherRecordable" });
        await Record(api, new { date = Today, person = "Cy Doe", where = "Gym", description = "Wrist sprain on the treadmill", outcome = "JobTransferOrRestriction", daysRestricted = 5 });

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
        var recorded = await Record(api, new { date = Today, person = "Ann Park", description = "Cut hand, \"sharp\" table edge", outcome = "OtherRecordable" });
        var caseId = recorded["caseId"]!.GetValue<string>();

        using var changed = await Http.PutAsJsonAsync($"{api}/{caseId}", new
        {
            date = Today, person = "Ann Park", jobTitle = "PT", description = "Cut hand, \"sharp\" table edge", outcome = "DaysAway", daysAway = 2,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var entry = (await changed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((1, "admin", "admin"), (entry["caseNumber"]!.GetValue<int>(), entry["recordedBy"]!.GetValue<string>(), entry["changedBy"]!.GetValue<string>()));
        var csv = await Http.GetStringAsync($"{api}.csv?year={Today.Year}", Ct);
        Assert.Equal(
            $"case,employee,job title,date,where,description,outcome,days away,days restricted\n1,Ann Park,PT,{Today:yyyy-MM-dd},,\"Cut hand, \"\"sharp\"\" table edge\",days away from work,2,0\n",
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
    public async Task BadInputIsAProblemNamingItsFieldAndRecordsNothing(string field, string body)
    {
        var api = await LogAsync();
        var existing = await Record(api, new { date = new DateOnly(2024, 3, 1), person = "Ann Park", description = "Sprain", outcome = "OtherRecordable" });

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
    public async Task AYearAfterThisOneOrAnUnknownCaseIsRefused()
    {
        var api = await LogAsync();

        using var future = await Http.GetAsync($"{api}?year={Today.Year + 1}", Ct);
        using var unknown = await Http.PutAsJsonAsync($"{api}/no-such-case", new { date = Today, person = "Ann", description = "Sprain", outcome = "OtherRecordable" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (future.StatusCode, unknown.StatusCode));
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>(api, Ct))!["cases"]!.AsArray());
    }

    private async Task<string> LogAsync() => $"/api/clinics/{(await ApiClinic.CreateAsync(Http)).Id}/injury-log";

    private async Task<JsonObject> Record(string api, object body)
    {
        using var response = await Http.PostAsJsonAsync(api, body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
