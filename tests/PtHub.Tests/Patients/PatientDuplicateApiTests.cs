using System.Net;
using System.Net.Http.Json;
using PtHub.Tests.Api;

namespace PtHub.Tests.Patients;

/// <summary>Registering somebody the clinic already knows is answered with the known records, unless confirmed new.</summary>
[Collection(NodeCollection.Name)]
public sealed class PatientDuplicateApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task SameNameAndBirthDateIs409WithTheKnownPatientAndNothingIsRegistered()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var known = await clinic.AddAsync("José", "Smith", "1980-01-02");

        using var again = await clinic.RegisterAsync("jose", "SMITH", "1980-01-02");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var matches = (await ApiClinic.ProblemAsync(again)).GetProperty("matches");
        Assert.Equal(known, matches.EnumerateArray().Single().GetProperty("patientId").GetString());
        Assert.Equal("1980-01-02", matches[0].GetProperty("birthDate").GetString());
        Assert.Equal(["Smith, José"], await clinic.SearchAsync("smith"));
    }

    [Fact]
    public async Task SamePhoneInAnotherFormattingIs409()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var known = await clinic.AddAsync("Ada", "Lund", "1980-01-02", "(555) 123-4567");

        using var again = await clinic.RegisterAsync("Adeline", "Lund-Berg", "1981-03-04", "555.123.4567");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(known, (await ApiClinic.ProblemAsync(again)).GetProperty("matches")[0].GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task ConfirmedNewRegistersALookAlike()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("Ada", "Lund", "1980-01-02");

        using var twin = await clinic.RegisterAsync("Ada", "Lund", "1980-01-02", confirmedNew: true);

        Assert.Equal(HttpStatusCode.Created, twin.StatusCode);
        Assert.Equal(2, (await clinic.SearchAsync("ada lund")).Length);
    }

    [Fact]
    public async Task DifferentPeopleAndOtherClinicsPatientsAreNoDuplicates()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var other = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("Ada", "Lund", "1980-01-02", "555-123-4567");
        await other.AddAsync("Bea", "Lund", "1980-01-02", "555-999-0000");

        using var sameBirthOtherName = await clinic.RegisterAsync("Bea", "Lund", "1980-01-02");
        using var otherClinic = await other.RegisterAsync("Ada", "Lund", "1980-01-02", "555-123-4567");
        using var sameExtension = await clinic.RegisterAsync("Cid", "Moe", "1990-01-01", "555-000-4567");

        Assert.Equal(HttpStatusCode.Created, sameBirthOtherName.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherClinic.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameExtension.StatusCode);
    }

    [Fact]
    public async Task AWalkInOfAKnownPatientCanBeBookedOnTheKnownRecord()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var known = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        using var again = await clinic.RegisterAsync("Ada", "Lund", "1980-01-02");
        var offered = (await ApiClinic.ProblemAsync(again)).GetProperty("matches")[0].GetProperty("patientId").GetString();

        using var walkIn = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Clinic.Id}/walk-ins", new { patientId = offered, therapistId = "bob", visitType = "follow-up" });

        walkIn.EnsureSuccessStatusCode();
        var rows = (await clinic.Clinic.BoardAsync())["rows"]!.AsArray();
        Assert.Equal(known, rows.Single()!["patientId"]!.GetValue<string>());
        Assert.Single(await clinic.SearchAsync("lund"));
    }
}
