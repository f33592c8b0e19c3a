using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Figures;

namespace PtHub.Tests.Api;

/// <summary>The profile's API: changing demographics, a patient's visits and billing status, and who may change what.</summary>
[Collection(NodeCollection.Name)]
public sealed class PatientProfileApiTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => fixture.Node.Http;

    private static object Details(string phone = "555-0142", string? email = "rita@example.org", string first = "Rita") =>
        new { firstName = first, lastName = "Moreno", birthDate = "1961-12-11", phone, email };

    [Fact]
    public async Task ChangedContactDetailsAreStoredAndAudited()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        var response = await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}", Details("+1 (555) 014-2299"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}", Ct))!["details"]!;
        Assert.Equal(("+1 (555) 014-2299", "rita@example.org", clinic.Id), (stored["phone"]!.GetValue<string>(), stored["email"]!.GetValue<string>(),
            stored["clinicId"]!.GetValue<string>()));
        var audit = (await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/audit?patientId={patientId}", Ct))!;
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "patient.update");
    }

    [Theory]
    [InlineData("12", "phone")]
    [InlineData("call me maybe", "phone")]
    [InlineData("5550142", "email", "no-at-sign")]
    public async Task InvalidDetailsAreRefusedNamingTheFieldAndChangeNothing(string phone, string field, string? email = null)
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var before = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}", Ct))!.ToJsonString();

        var response = await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}", Details(phone, email, first: "Changed"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}", Ct))!.ToJsonString());
    }

    [Fact]
    public async Task APatientOfAnotherClinicIsNotFoundOnAnyProfileRoute()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var other = await ApiClinic.CreateAsync(Http);
        var patientId = await other.AddPatientAsync();
        var path = $"/api/clinics/{clinic.Id}/patients/{patientId}";

        Assert.Equal(HttpStatusCode.NotFound, (await Http.PutAsJsonAsync(path, Details(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"{path}/visits", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"{path}/billing-status", Ct)).StatusCode);
        Assert.Equal("Rita", (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{other.Id}/patients/{patientId}", Ct))!["details"]!["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANewPatientHasNoVisitsAndAZeroKxStanding()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var path = $"/api/clinics/{clinic.Id}/patients/{patientId}";

        var visits = (await Http.GetFromJsonAsync<JsonObject>($"{path}/visits", Ct))!;
        var billing = (await Http.GetFromJsonAsync<JsonObject>($"{path}/billing-status", Ct))!;

        Assert.Equal((0, 0, 0, 0), (visits["upcoming"]!.AsArray().Count, visits["past"]!.AsArray().Count, visits["cancellations"]!.GetValue<int>(), visits["noShows"]!.GetValue<int>()));
        Assert.Equal((false, 0m, false), (billing["isMedicare"]!.GetValue<bool>(), billing["medicareAmount"]!.GetValue<decimal>(), billing["kxModifierRequired"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task AVisitBookedForThePatientIsListedWithTheTherapistsNameAndMovesToPastWhenItCloses()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var visitId = await clinic.BookAsync(patientId, "ann");
        var path = $"/api/clinics/{clinic.Id}/patients/{patientId}/visits";

        var upcoming = (await Http.GetFromJsonAsync<JsonObject>(path, Ct))!["upcoming"]!.AsArray().Single()!;
        Assert.Equal((visitId, "Ann P., PT", "booked"), (upcoming["visitId"]!.GetValue<string>(), upcoming["therapistName"]!.GetValue<string>(), upcoming["status"]!.GetValue<string>()));

        (await clinic.CommandAsync(visitId, "cancel", new { reason = "Sick" })).EnsureSuccessStatusCode();
        var after = (await Http.GetFromJsonAsync<JsonObject>(path, Ct))!;
        Assert.Empty(after["upcoming"]!.AsArray());
        Assert.Equal((visitId, "cancelled", 1), (after["past"]!.AsArray().Single()!["visitId"]!.GetValue<string>(),
            after["past"]!.AsArray().Single()!["status"]!.GetValue<string>(), after["cancellations"]!.GetValue<int>()));
    }

    [Fact]
    public async Task OnlyManagersEnterAuthorizationsAndThePlanOfCareStartTheDeskStillReadsThem()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var path = $"/api/clinics/{clinic.Id}/patients/{patientId}";
        var today = ProfileScenario.Today;
        var authorization = new { from = today, to = today.AddDays(30), visitsAuthorized = 12 };
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Http.PostAsJsonAsync($"{path}/authorizations", authorization, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Http.PutAsJsonAsync($"{path}/plan-of-care", new { start = today }, Ct)).StatusCode);
        Assert.Null((await desk.Http.GetFromJsonAsync<JsonObject>(path, Ct))!["authorizations"]);

        Assert.Equal(HttpStatusCode.OK, (await manager.Http.PostAsJsonAsync($"{path}/authorizations", authorization, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Http.PutAsJsonAsync($"{path}/plan-of-care", new { start = today }, Ct)).StatusCode);
        Assert.Equal(12, (await desk.Http.GetFromJsonAsync<JsonObject>(path, Ct))!["authorizations"]!.AsArray().Single()!["visitsLeft"]!.GetValue<int>());
        Assert.Equal(today.AddDays(90).ToString("yyyy-MM-dd"),
            (await desk.Http.GetFromJsonAsync<JsonObject>($"{path}/billing-status", Ct))!["recertificationDue"]!.GetValue<string>());
    }
}
