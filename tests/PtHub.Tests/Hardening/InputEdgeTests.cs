using System.Net;
using System.Net.Http.Json;
using System.Text;
using PtHub.Tests.Api;

namespace PtHub.Tests.Hardening;

/// <summary>Inputs the fuzz test found answered 500 or accepted, each refused now as a problem naming the field.</summary>
[Collection(NodeCollection.Name)]
public sealed class InputEdgeTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static async Task AssertInvalidFieldAsync(HttpResponseMessage response, string field, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await ApiClinic.ProblemAsync(response);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{what}: no error for {field} in {problem}");
    }

    [Fact]
    public async Task DatesFarFromTodayAreInvalidFieldsNotServerErrors()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var visitId = await clinic.BookAsync(patientId);
        var waiting = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/waitlist", new { patientId, visitType = "follow-up" });
        var entryId = (await waiting.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["entryId"]!.GetValue<string>();
        var before = await clinic.BoardRowsAsync();
        var api = $"/api/clinics/{clinic.Id}";

        await AssertInvalidFieldAsync(await Http.PostAsJsonAsync($"{api}/visits",
            new { patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = "9999-12-31T10:00:00Z" }), "scheduledStart", "booking");
        await AssertInvalidFieldAsync(await Http.PostAsJsonAsync($"{api}/visits/{visitId}/reschedule",
            new { scheduledStart = "0001-01-01T00:00:00Z" }), "scheduledStart", "reschedule");
        await AssertInvalidFieldAsync(await Http.PostAsJsonAsync($"{api}/waitlist/{entryId}/book",
            new { start = "9999-12-31T10:00:00Z", therapistId = "ann" }), "start", "waitlist booking");
        await AssertInvalidFieldAsync(await Http.PutAsJsonAsync($"{api}/patients/{patientId}/plan-of-care",
            new { start = "9999-12-31" }), "start", "plan-of-care start");
        await AssertInvalidFieldAsync(await Http.PostAsJsonAsync($"{api}/patients/{patientId}/plans-of-care",
            new { therapistId = "ann", visitType = "follow-up", visitsPerWeek = 2, weeks = 4, startDate = "9999-12-20", preferredTime = "10:00:00" }),
            "startDate", "plan of care");
        await AssertInvalidFieldAsync(await Http.GetAsync($"{api}/board?date=0001-01-01"), "date", "board");
        await AssertInvalidFieldAsync(await Http.GetAsync($"{api}/free-slots?from=9999-12-31"), "from", "free slots");
        await AssertInvalidFieldAsync(await Http.GetAsync($"{api}/charges.csv?date=0001-01-01"), "date", "charges");

        Assert.Equal(before, await clinic.BoardRowsAsync());
        Assert.Null((await Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{api}/patients/{patientId}"))!["planOfCareStart"]);
    }

    [Fact]
    public async Task ANullEntryInAListIsAnInvalidField()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        var before = await Http.GetStringAsync($"/api/clinics/{clinic.Id}");

        await AssertInvalidFieldAsync(await Http.PutAsync($"/api/clinics/{clinic.Id}",
            new StringContent("""{"name":"X","timeZoneId":"UTC","rooms":[null]}""", Encoding.UTF8, "application/json")), "rooms", "clinic rooms");
        await AssertInvalidFieldAsync(await Http.PutAsync($"/api/clinics/{clinic.Id}",
            new StringContent("""{"name":"X","timeZoneId":"UTC","therapists":[{"id":"t","displayName":"T","workingHours":[null]}]}""", Encoding.UTF8, "application/json")),
            "therapists", "working hours");
        await AssertInvalidFieldAsync(await Http.PostAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/arrive",
            new StringContent("""{"services":[null]}""", Encoding.UTF8, "application/json")), "services[0]", "visit command");

        Assert.Equal(before, await Http.GetStringAsync($"/api/clinics/{clinic.Id}"));
        Assert.Equal("booked", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACommandThatTakesNoBodyRefusesOne()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var url = $"/api/clinics/{clinic.Id}/patients/{patientId}/progress-reports";
        var before = await Http.GetStringAsync($"/api/clinics/{clinic.Id}/patients/{patientId}");

        var withBody = await Http.PostAsJsonAsync(url, new { writtenOn = "2026-01-01" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, withBody.StatusCode);
        await ApiClinic.ProblemAsync(withBody);
        Assert.Equal(before, await Http.GetStringAsync($"/api/clinics/{clinic.Id}/patients/{patientId}"));
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(url, null)).StatusCode);
    }
}
