using System.Net;
using System.Net.Http.Json;
using PtHub.Tests.Api;

namespace PtHub.Tests.Patients;

/// <summary>The desk's patient search, through the API of a node on SQLite; each test has a clinic of its own.</summary>
[Collection(NodeCollection.Name)]
public sealed class PatientSearchApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task WholeNameRanksAboveBothNamesPrefixAboveOneName()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("José", "Smith");
        await clinic.AddAsync("Josefina", "Smithson");
        await clinic.AddAsync("Ann", "Smith");
        await clinic.AddAsync("Bob", "Smithers");
        await clinic.AddAsync("Carl", "Jones");

        Assert.Equal(["Smith, José", "Smithson, Josefina"], await clinic.SearchAsync("jose smith"));
        Assert.Equal(["Smith, Ann", "Smith, José", "Smithers, Bob", "Smithson, Josefina"], await clinic.SearchAsync("smith"));
        Assert.Equal(["Smith, José", "Smithson, Josefina"], await clinic.SearchAsync("Smith José"));
    }

    [Fact]
    public async Task NamesMatchWithoutAccentsOrCaseAndInEitherOrder()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("José", "Smith");
        await clinic.AddAsync("Zoë", "O'Brien-Núñez");
        await clinic.AddAsync("Joanna", "Baker");

        Assert.Equal(["Smith, José"], await clinic.SearchAsync("jose"));
        Assert.Equal(["Smith, José"], await clinic.SearchAsync("smi jo"));
        Assert.Equal(["Smith, José"], await clinic.SearchAsync("JO SMI"));
        Assert.Equal(["O'Brien-Núñez, Zoë"], await clinic.SearchAsync("zoe nunez"));
        Assert.Equal(["O'Brien-Núñez, Zoë"], await clinic.SearchAsync("obrien"));
        Assert.Equal(["Baker, Joanna", "Smith, José"], await clinic.SearchAsync("jo"));
    }

    [Fact]
    public async Task BirthDateIsFoundInIsoAndUsForm()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        await clinic.AddAsync("Bea", "Lund", "1980-02-01");

        Assert.Equal(["Lund, Ada"], await clinic.SearchAsync("1980-01-02"));
        Assert.Equal(["Lund, Ada"], await clinic.SearchAsync("1/2/1980"));
        Assert.Equal(["Lund, Bea"], await clinic.SearchAsync("02/01/1980"));
    }

    [Fact]
    public async Task PhoneIsFoundByTrailingDigitsInAnyFormattingAndShowsOnlyTheLastFour()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("Ada", "Lund", phone: "(555) 123-4567");
        await clinic.AddAsync("Bea", "Lund", phone: "+1 555 923 4567");
        await clinic.AddAsync("Cid", "Lund", phone: "555-000-1111");

        Assert.Equal(["Lund, Ada", "Lund, Bea"], await clinic.SearchAsync("4567"));
        Assert.Equal(["Lund, Ada"], await clinic.SearchAsync("555.123.4567"));
        Assert.Equal(["Lund, Bea"], await clinic.SearchAsync("555 923 4567"));
        var match = (await clinic.MatchesAsync("1111")).Single()!;
        Assert.Equal("1111", match["phoneLast4"]!.GetValue<string>());
        Assert.DoesNotContain("555", match.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenamedPatientIsFoundByTheNewNameAndNotTheOld()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var patientId = await clinic.AddAsync("Maria", "Gonzalez", "1975-06-07");

        using var renamed = await Http.PutAsJsonAsync($"{clinic.Api}/{patientId}", new { firstName = "Maria", lastName = "Okafor", birthDate = "1975-06-07" });

        renamed.EnsureSuccessStatusCode();
        Assert.Equal(["Okafor, Maria"], await clinic.SearchAsync("okaf"));
        Assert.Empty(await clinic.SearchAsync("gonz"));
        Assert.Equal(["Okafor, Maria"], await clinic.SearchAsync("maria"));
    }

    [Fact]
    public async Task AnotherClinicsPatientsAreNeverFound()
    {
        var mine = await PatientClinic.CreateAsync(Http);
        var theirs = await PatientClinic.CreateAsync(Http);
        await theirs.AddAsync("Quentin", "Zebulon", "1961-03-04", "555-867-5309");

        foreach (var q in new[] { "quentin", "zebulon", "1961-03-04", "5309" })
        {
            Assert.Empty(await mine.SearchAsync(q));
            Assert.Single(await theirs.SearchAsync(q));
        }
    }

    [Theory]
    [InlineData("", "Type part of a name")]
    [InlineData("   ", "Type part of a name")]
    [InlineData("a", "at least 2 characters")]
    [InlineData("123", "at least 4 digits")]
    [InlineData("2023-02-30", "is not a date")]
    [InlineData("13/45/1980", "is not a date")]
    [InlineData("a b c d e", "at most 4 words")]
    [InlineData("--", "letters or digits")]
    public async Task UnusableSearchTextIs400SayingWhatIsWrong(string q, string expected)
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        await clinic.AddAsync("Ada", "Lund");

        using var response = await clinic.SearchResponseAsync(q);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Lund, Ada"], await clinic.SearchAsync("lund"));
    }

    [Fact]
    public async Task TooLongSearchTextAndMissingQueryAre400()
    {
        var clinic = await PatientClinic.CreateAsync(Http);

        using var tooLong = await clinic.SearchResponseAsync(new string('x', 101));
        using var missing = await Http.GetAsync(clinic.Api);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 100 characters", (await ApiClinic.ProblemAsync(tooLong)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task SearchingAnUnknownClinicIs404()
    {
        using var response = await Http.GetAsync("/api/clinics/nowhere/patients?q=smith");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AtMostTwentyMatchesComeBack()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        for (var i = 0; i < 25; i++)
        {
            await clinic.AddAsync($"Pat{i:00}", "Many", $"1970-01-{i + 1:00}");
        }

        var found = await clinic.SearchAsync("many");

        Assert.Equal(20, found.Length);
        Assert.Equal("Many, Pat00", found[0]);
    }
}
