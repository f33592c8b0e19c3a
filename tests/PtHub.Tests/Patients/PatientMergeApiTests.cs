using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Patients;

/// <summary>A manager merges a duplicate record into the kept one: its visits and their events follow, it becomes a pointer.</summary>
[Collection(NodeCollection.Name)]
public sealed class PatientMergeApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task MergeMovesEveryVisitWithItsEventsAndTheDuplicatePointsToTheKeptRecord()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var keep = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var duplicate = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var keptVisit = await clinic.Clinic.BookAsync(keep);
        var movedVisits = new[] { await clinic.Clinic.BookAsync(duplicate), await clinic.Clinic.BookAsync(duplicate, "ann") };
        (await clinic.Clinic.CommandAsync(movedVisits[0], "arrive")).EnsureSuccessStatusCode();
        var eventsBefore = await EventsAsync(clinic, [keptVisit, .. movedVisits]);

        using var merged = await MergeAsync(clinic, keep, duplicate);

        merged.EnsureSuccessStatusCode();
        foreach (var visitId in movedVisits.Append(keptVisit))
        {
            Assert.Equal(keep, (await clinic.Clinic.VisitAsync(visitId))["visit"]!["patientId"]!.GetValue<string>());
        }

        Assert.Equal(eventsBefore, await EventsAsync(clinic, [keptVisit, .. movedVisits]));
        var rows = (await clinic.Clinic.BoardAsync())["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(keep, r!["patientId"]!.GetValue<string>()));
        Assert.Equal([keep], (await clinic.MatchesAsync("ada lund")).Select(m => m!["patientId"]!.GetValue<string>()));

        using var noRedirects = new HttpClient(new HttpClientHandler { CookieContainer = fixture.Node.Admin.Cookies, AllowAutoRedirect = false })
        { BaseAddress = fixture.Node.BaseAddress };
        using var pointer = await noRedirects.GetAsync($"{clinic.Api}/{duplicate}");
        Assert.Equal(HttpStatusCode.PermanentRedirect, pointer.StatusCode);
        Assert.EndsWith($"/patients/{keep}", pointer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var followed = await Http.GetFromJsonAsync<JsonObject>($"{clinic.Api}/{duplicate}");
        Assert.Equal(keep, followed!["patientId"]!.GetValue<string>());
    }

    [Fact]
    public async Task MergingAgainChangesNothingMore()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var keep = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var duplicate = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var visit = await clinic.Clinic.BookAsync(duplicate);

        using var first = await MergeAsync(clinic, keep, duplicate);
        using var second = await MergeAsync(clinic, keep, duplicate);

        first.EnsureSuccessStatusCode();
        second.EnsureSuccessStatusCode();
        Assert.Equal(keep, (await clinic.Clinic.VisitAsync(visit))["visit"]!["patientId"]!.GetValue<string>());
        Assert.Single(await clinic.SearchAsync("lund"));
    }

    [Fact]
    public async Task BadMergesAre400Or404AndChangeNothing()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var other = await PatientClinic.CreateAsync(Http);
        var keep = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var duplicate = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var elsewhere = await other.AddAsync("Ada", "Lund", "1980-01-02");
        var visit = await clinic.Clinic.BookAsync(duplicate);
        var board = await clinic.Clinic.BoardRowsAsync();

        using var itself = await MergeAsync(clinic, keep, keep);
        using var unknown = await MergeAsync(clinic, keep, "no-such-patient");
        using var otherClinic = await MergeAsync(clinic, keep, elsewhere);
        using var unknownKeep = await MergeAsync(clinic, "no-such-patient", duplicate);
        using var missing = await Http.PostAsJsonAsync($"{clinic.Api}/{keep}/merge", new { });

        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Contains("itself", (await ApiClinic.ProblemAsync(itself)).GetProperty("errors").GetProperty("duplicateId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherClinic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKeep.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(duplicate, (await clinic.Clinic.VisitAsync(visit))["visit"]!["patientId"]!.GetValue<string>());
        Assert.Equal(board, await clinic.Clinic.BoardRowsAsync());
        Assert.Equal(2, (await clinic.SearchAsync("ada lund")).Length);
        Assert.Single(await other.SearchAsync("ada lund"));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{clinic.Api}/{duplicate}")).StatusCode);
    }

    [Fact]
    public async Task TheFrontDeskCannotMerge()
    {
        var clinic = await PatientClinic.CreateAsync(Http);
        var keep = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        var duplicate = await clinic.AddAsync("Ada", "Lund", "1980-01-02");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Clinic.Id]);

        using var refused = await desk.Http.PostAsJsonAsync($"{clinic.Api}/{keep}/merge", new { duplicateId = duplicate });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, (await clinic.SearchAsync("ada lund")).Length);
        Assert.Equal(2, (await desk.Http.GetFromJsonAsync<JsonObject>($"{clinic.Api}?q=ada"))!["matches"]!.AsArray().Count);
    }

    private Task<HttpResponseMessage> MergeAsync(PatientClinic clinic, string keep, string duplicate) =>
        Http.PostAsJsonAsync($"{clinic.Api}/{keep}/merge", new { duplicateId = duplicate });

    private static async Task<string[]> EventsAsync(PatientClinic clinic, string[] visitIds) =>
        [.. await Task.WhenAll(visitIds.Select(async v => (await clinic.Clinic.VisitAsync(v))["events"]!.ToJsonString()))];
}
