using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Billing;

[Collection(NodeCollection.Name)]
public sealed class BillingApiTests(NodeFixture fixture)
{
    private const string Url = "/api/billing/units";

    private HttpClient Http => fixture.Node.Http;

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        Http.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task AClinicsOwnTimedCodeCountsWhenTheClinicIsNamedAndIsUnknownWithoutIt()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        (await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/billing-codes",
            new { code = "G0152", timed = true, evaluation = false, description = "OT treatment, 15 min", discipline = "OT" })).EnsureSuccessStatusCode();
        var services = new object[] { new { code = "g0152", minutes = 20 }, new { code = "97110", minutes = 20 } };

        using var withClinic = await Http.PostAsJsonAsync(Url, new { method = "cms", services, clinicId = clinic.Id });
        using var without = await Http.PostAsJsonAsync(Url, new { method = "cms", services });
        using var unknownClinic = await Http.PostAsJsonAsync(Url, new { method = "cms", services, clinicId = "no-such-clinic" });

        withClinic.EnsureSuccessStatusCode();
        var body = (await withClinic.Content.ReadFromJsonAsync<JsonObject>())!;
        // By hand: 40 timed minutes → 3 units; each code 1 full unit, the 3rd to either 5-minute remainder (tie): 2 + 1.
        Assert.Equal(3, body["timedUnits"]!.GetValue<int>());
        var byCode = body["unitsByCode"]!.AsObject();
        Assert.Equal(["97110", "G0152"], byCode.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(3, byCode.Sum(p => p.Value!.GetValue<int>()));
        Assert.Contains("Unknown procedure code 'g0152'", await ErrorAsync(without, "services[0].code"), StringComparison.Ordinal);
        Assert.Contains("clinic you work at", await ErrorAsync(unknownClinic, "clinicId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CmsAnswersTotalsAndUnitsByCode()
    {
        var response = await Http.PostAsJsonAsync(Url, new
        {
            method = "cms",
            services = new object[] { new { code = "97110", minutes = 33 }, new { code = "97140", minutes = 7 }, new { code = "97161", minutes = 45 } },
        });

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["totalUnits", "timedUnits", "unitsByCode"], body.Select(p => p.Key));
        Assert.Equal(4, body["totalUnits"]!.GetValue<int>());
        Assert.Equal(3, body["timedUnits"]!.GetValue<int>());
        var byCode = body["unitsByCode"]!.AsObject();
        Assert.Equal(2, byCode["97110"]!.GetValue<int>());
        Assert.Equal(1, byCode["97140"]!.GetValue<int>());
        Assert.Equal(1, byCode["97161"]!.GetValue<int>());
    }

    [Fact]
    public async Task PerCodeRoundsEachCodeAndReportsZeroUnitCodes()
    {
        var body = await (await PostRawAsync("""
            {"method":"per_code","services":[{"code":"97110","minutes":33},{"code":"97140","minutes":7},{"code":"97161","minutes":0}]}
            """)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(3, body!["totalUnits"]!.GetValue<int>());
        Assert.Equal(2, body["timedUnits"]!.GetValue<int>());
        Assert.Equal(0, body["unitsByCode"]!["97140"]!.GetValue<int>());
    }

    [Fact]
    public async Task EmptyServicesBillNothing()
    {
        var response = await PostRawAsync("""{"method":"cms","services":[]}""");

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, body["totalUnits"]!.GetValue<int>());
        Assert.Equal(0, body["timedUnits"]!.GetValue<int>());
        Assert.Empty(body["unitsByCode"]!.AsObject());
    }

    [Fact]
    public async Task UnknownCodeIsRefusedByName()
    {
        var response = await PostRawAsync("""
            {"method":"cms","services":[{"code":"97110","minutes":10},{"code":"97999","minutes":10},{"code":"97140","minutes":10}]}
            """);

        Assert.Contains("97999", await ErrorAsync(response, "services[1].code"));
    }

    [Theory]
    [InlineData("""{"method":"cms","services":[{"code":"97110","minutes":-1}]}""")]
    [InlineData("""{"method":"cms","services":[{"code":"97110"}]}""")]
    [InlineData("""{"method":"cms","services":[{"code":"97110","minutes":null}]}""")]
    [InlineData("""{"method":"cms","services":[{"code":"97110","minutes":1441}]}""")]
    public async Task NegativeMissingOrImpossibleMinutesAreRefused(string json) =>
        Assert.Contains("minutes", await ErrorAsync(await PostRawAsync(json), "services[0].minutes"));

    [Theory]
    [InlineData("3.5")]
    [InlineData("\"3.5\"")]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    public async Task NonIntegerMinutesAreABadRequestNamingTheField(string minutes)
    {
        var problem = await ProblemAsync(await PostRawAsync($$"""{"method":"cms","services":[{"code":"97110","minutes":{{minutes}}}]}"""));

        Assert.Contains("services[0].minutes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MissingMethodIsRefused() =>
        Assert.Contains("per_code", await ErrorAsync(await PostRawAsync("""{"services":[{"code":"97110","minutes":10}]}"""), "method"));

    [Theory]
    [InlineData("\"medicaid\"")]
    [InlineData("7")]
    public async Task UnknownMethodIsRefused(string method)
    {
        var response = await PostRawAsync($$"""{"method":{{method}},"services":[{"code":"97110","minutes":10}]}""");

        var problem = await ProblemAsync(response);
        var text = problem.TryGetProperty("errors", out var errors) ? errors.ToString() : problem.GetProperty("detail").GetString();
        Assert.Contains("method", text);
    }

    [Fact]
    public async Task MissingServicesOrCodeIsRefused()
    {
        await ErrorAsync(await PostRawAsync("""{"method":"cms"}"""), "services");
        await ErrorAsync(await PostRawAsync("""{"method":"cms","services":[{"minutes":10}]}"""), "services[0].code");
        await ErrorAsync(await PostRawAsync("""{"method":"cms","services":[null]}"""), "services[0]");
    }
}
