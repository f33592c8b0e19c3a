using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Grains.Waitlist;
using PtHub.Tests.Api;

namespace PtHub.Tests.Scheduling;

[Collection(NodeCollection.Name)]
public sealed class WaitlistTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static DateTimeOffset Tomorrow(int hour) =>
        new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    private async Task<string> WaitAsync(ApiClinic clinic, string patientId, int priority, string? therapistId = null)
    {
        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/waitlist", new { patientId, visitType = "follow-up", therapistId, priority });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["entryId"]!.GetValue<string>();
    }

    [Fact]
    public void CandidatesComeByPriorityThenTimeWaitedAndOnlyIfTheyFit()
    {
        var config = new ClinicConfig("W", "UTC", [], [], [new("ann", "Ann", 1)], new AlertThresholds(), LobbyNamingMode.Initials, ClinicConfig.DefaultVisitTypes);
        var t0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        WaitlistEntry Entry(string id, int priority, int minutesAgo, string? therapist = null, DayOfWeek[]? days = null, string type = "follow-up") =>
            new(id, "p-" + id, type, therapist, days ?? [], null, null, priority, t0.AddMinutes(-minutesAgo));
        var opening = new Opening("o", "ann", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), 45);

        var order = WaitlistMatch.For(opening, config, [
            Entry("late-p2", 2, 10), Entry("early-p2", 2, 50), Entry("p1", 1, 5), Entry("bob-only", 1, 99, therapist: "bob"),
            Entry("fridays", 1, 99, days: [DayOfWeek.Friday]), Entry("too-long", 1, 99, type: "initial-evaluation"),
        ]).Select(e => e.EntryId);

        Assert.Equal(["p1", "early-p2", "late-p2"], order);
    }

    [Fact]
    public async Task ACancellationProposesTheWaitlistOnTheBoardAndOneActionBooks()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var start = Tomorrow(14);
        var booked = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId = await clinic.AddPatientAsync(), therapistId = "ann", visitType = "follow-up", scheduledStart = start });
        var visitId = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["visitId"]!.GetValue<string>();
        var urgent = await WaitAsync(clinic, await clinic.AddPatientAsync("Ursula", "Urgent"), priority: 1);
        await WaitAsync(clinic, await clinic.AddPatientAsync("Larry", "Later"), priority: 4, therapistId: "ann");

        (await clinic.CommandAsync(visitId, "cancel", new { reason = "Sick" })).EnsureSuccessStatusCode();

        var board = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board?date={start:yyyy-MM-dd}");
        var opening = Assert.Single(board!["openings"]!.AsArray())!;
        var names = opening["candidates"]!.AsArray().Select(c => c!["patientName"]!.GetValue<string>()).ToArray();
        Assert.Equal(["Urgent, Ursula", "Later, Larry"], names);
        Assert.Single(board["rows"]!.AsArray());

        var book = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/waitlist/{urgent}/book", new { start, therapistId = "ann" });

        Assert.Equal(HttpStatusCode.Created, book.StatusCode);
        var after = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board?date={start:yyyy-MM-dd}");
        Assert.Empty(after!["openings"]!.AsArray());
        Assert.Equal(2, after["rows"]!.AsArray().Count);
        var waiting = await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/waitlist");
        Assert.DoesNotContain(waiting!, e => e!["entryId"]!.GetValue<string>() == urgent);
    }
}
