using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Api;

/// <summary>Taking back a mistaken step through the API: the board, the patient's counts and the schedule follow it.</summary>
[Collection(NodeCollection.Name)]
public sealed class VisitUndoApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task AnUndoneStartPutsThePatientBackWaitingInTheirRoomAndFreesTheTherapist()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync(), "ann");
        var nextId = await clinic.BookAsync(await clinic.AddPatientAsync("Omar", "Haddad"), "ann");
        foreach (var id in new[] { visitId, nextId })
        {
            (await clinic.CommandAsync(id, "arrive")).EnsureSuccessStatusCode();
            (await clinic.CommandAsync(id, "check-in")).EnsureSuccessStatusCode();
        }

        (await clinic.CommandAsync(visitId, "assign", new { roomId = "room-1" })).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "start")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await clinic.CommandAsync(nextId, "start", new { roomId = "gym" })).StatusCode);

        var undo = await clinic.CommandAsync(visitId, "undo");

        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        var row = (await clinic.BoardAsync())["rows"]!.AsArray().Single(r => r!["visitId"]!.GetValue<string>() == visitId)!;
        Assert.Equal(("checked-in", "room-1"), (row["status"]!.GetValue<string>(), row["roomId"]!.GetValue<string>()));
        Assert.Contains("start", row["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        var events = (await clinic.VisitAsync(visitId))["events"]!.AsArray();
        Assert.Equal(("undo", "undid start"), (events[^1]!["action"]!.GetValue<string>(), events[^1]!["detail"]!.GetValue<string>()));
        // Ann, who treats one patient at a time, is free again for the next one.
        Assert.Equal(HttpStatusCode.OK, (await clinic.CommandAsync(nextId, "start", new { roomId = "gym" })).StatusCode);
    }

    [Fact]
    public async Task AnUndoneCancellationBooksTheVisitAgainAndNoLongerCountsAgainstThePatient()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();
        var visitId = await BookAsync(clinic, patientId, "ann", DateTimeOffset.UtcNow.AddDays(3));
        (await clinic.CommandAsync(visitId, "cancel", new { reason = "Wrong row" })).EnsureSuccessStatusCode();
        Assert.Equal(1, await CancellationsAsync(clinic, patientId));

        (await clinic.CommandAsync(visitId, "undo")).EnsureSuccessStatusCode();

        var visit = (await clinic.VisitAsync(visitId))["visit"]!;
        Assert.Equal("booked", visit["status"]!.GetValue<string>());
        Assert.False(visit["lateCancellation"]!.GetValue<bool>());
        Assert.Equal(0, await CancellationsAsync(clinic, patientId));
    }

    [Fact]
    public async Task ACancellationWhoseTimeWasGivenToAnotherPatientIsNotUndoneAndNothingChanges()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var visitId = await BookAsync(clinic, await clinic.AddPatientAsync(), "ann", start);
        (await clinic.CommandAsync(visitId, "cancel", new { reason = "Called in sick" })).EnsureSuccessStatusCode();
        await BookAsync(clinic, await clinic.AddPatientAsync("Omar", "Haddad"), "ann", start);

        var undo = await clinic.CommandAsync(visitId, "undo");

        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        var problem = await ApiClinic.ProblemAsync(undo);
        Assert.Contains("given to another booking", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("conflicts").GetArrayLength() > 0);
        Assert.Equal("cancelled", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherDeskCannotUndoAColleaguesStep()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        using var colleague = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        var undo = await colleague.Http.PostAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        Assert.Contains("who took this step", (await ApiClinic.ProblemAsync(undo)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("arrived", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
    }

    private static async Task<string> BookAsync(ApiClinic clinic, string patientId, string therapistId, DateTimeOffset start)
    {
        var response = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId, therapistId, visitType = "follow-up", scheduledStart = start });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["visitId"]!.GetValue<string>();
    }

    private static async Task<int> CancellationsAsync(ApiClinic clinic, string patientId) =>
        (await clinic.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}/visits"))!["cancellations"]!.GetValue<int>();
}
