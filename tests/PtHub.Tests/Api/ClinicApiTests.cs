using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PtHub.Tests.Api;

[Collection(NodeCollection.Name)]
public sealed class ClinicApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task ConfigurationIsStoredWithDefaultsAndListed()
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        var config = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}");
        var list = await Http.GetFromJsonAsync<JsonArray>("/api/clinics");

        Assert.Equal("API test clinic", config!["name"]!.GetValue<string>());
        Assert.Equal(10, config["alerts"]!["waitingMinutes"]!.GetValue<int>());
        Assert.Equal("initials", config["lobbyNaming"]!.GetValue<string>());
        Assert.Equal(3, config["visitTypes"]!.AsArray().Count);
        Assert.Contains(list!, c => c!["clinicId"]!.GetValue<string>() == clinic.Id);
    }

    [Fact]
    public async Task InvalidConfigurationAnswers400ListingEachProblem()
    {
        var id = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var response = await Http.PutAsJsonAsync($"/api/clinics/{id}", new
        {
            name = "",
            timeZoneId = "Mars/Olympus",
            rooms = new object[] { new { id = "r", name = "R", kind = "gym", capacity = 0 }, new { id = "r", name = "R2", kind = "private", capacity = 1 } },
            therapists = new object[] { new { id = "t|x", displayName = "T", maxConcurrentPatients = 1 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "name", "timeZoneId", "rooms", "therapists" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/clinics/{id}")).StatusCode);
    }

    [Fact]
    public async Task UnknownEnumValueIsABadRequestNamingTheField()
    {
        var id = "enum-" + Guid.NewGuid().ToString("N")[..8];
        var json = """{"name":"X","timeZoneId":"UTC","rooms":[{"id":"a","name":"A","kind":"sauna","capacity":1}]}""";

        var response = await Http.PutAsync($"/api/clinics/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownClinicAnswers404Everywhere()
    {
        foreach (var url in new[] { "/api/clinics/nowhere", "/api/clinics/nowhere/board" })
        {
            var response = await Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await ApiClinic.ProblemAsync(response);
        }

        var post = await Http.PostAsJsonAsync("/api/clinics/nowhere/patients", new { firstName = "A", lastName = "B", birthDate = "1990-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task BoardDateMustBeADate()
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        var response = await Http.GetAsync($"/api/clinics/{clinic.Id}/board?date=tomorrow");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date", (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BoardOfAnotherDayIsEmptyAndDated()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        await clinic.BookAsync(await clinic.AddPatientAsync());

        var board = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board?date=2020-02-29");

        Assert.Equal("2020-02-29", board!["date"]!.GetValue<string>());
        Assert.Empty(board["rows"]!.AsArray());
    }

    [Fact]
    public async Task PatientIsRegisteredValidatedAndScopedToItsClinic()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var other = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        var own = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}");
        var elsewhere = await Http.GetAsync($"/api/clinics/{other.Id}/patients/{patientId}");
        var invalid = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients", new { firstName = "A", birthDate = "2999-01-01" });

        Assert.Equal("Moreno", own!["details"]!["lastName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lastName", out _));
        Assert.True(errors.TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task HealthAndApiDocumentsAreServed()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/ready")).StatusCode);
        var openApi = await Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/clinics/{clinicId}/visits/{visitId}/check-in", out _));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api-docs")).StatusCode);
    }
}
