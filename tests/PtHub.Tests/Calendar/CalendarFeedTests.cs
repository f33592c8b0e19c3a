using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using PtHub.Tests.Api;

namespace PtHub.Tests.Calendar;

[Collection(NodeCollection.Name)]
public sealed class CalendarFeedTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task FeedListsTheTherapistsVisitsWithInitialsOnly()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var jane = await clinic.AddPatientAsync("Jane", "Doe");
        var today = DateTimeOffset.UtcNow.AddMinutes(5);
        var inThreeDays = DateTimeOffset.UtcNow.AddDays(3);
        var roomed = await BookAsync(clinic, jane, "ann", today, "follow-up");
        foreach (var (action, body) in new (string, object?)[] { ("arrive", null), ("check-in", null), ("assign", new { roomId = "room-1" }) })
        {
            (await clinic.CommandAsync(roomed, action, body)).EnsureSuccessStatusCode();
        }

        var later = await BookAsync(clinic, jane, "ann", inThreeDays, "initial-evaluation");
        var beyondTheFeed = await BookAsync(clinic, jane, "ann", DateTimeOffset.UtcNow.AddDays(40), "follow-up");
        var colleagues = await BookAsync(clinic, await clinic.AddPatientAsync("Karl", "Other"), "bob", today, "follow-up");
        var cancelled = await BookAsync(clinic, await clinic.AddPatientAsync("Lena", "Gone"), "ann", today.AddHours(2), "follow-up");
        (await clinic.CommandAsync(cancelled, "cancel", new { reason = "Feeling better" })).EnsureSuccessStatusCode();
        var feedUrl = (await IssueAsync(clinic, "ann"))["feedUrl"]!.GetValue<string>();

        var response = await Http.GetAsync(feedUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var events = Ical.Net.Calendar.Load(text)!.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(new[] { $"{later}@pthub", $"{roomed}@pthub" }.Order(), events.Keys.Order());
        Assert.DoesNotContain($"{beyondTheFeed}@pthub", text);
        Assert.DoesNotContain($"{colleagues}@pthub", text);

        var first = events[$"{roomed}@pthub"];
        Assert.Equal("Follow-up – J. D.", first.Summary);
        Assert.Equal("Room 1", first.Location);
        Assert.Equal(EventStatus.Confirmed, first.Status);
        Assert.True(first.Start!.IsUtc);
        Assert.Equal(Seconds(today), first.Start.AsUtc);
        Assert.Equal(Seconds(today).AddMinutes(45), first.End!.AsUtc);
        var second = events[$"{later}@pthub"];
        Assert.Equal("Initial evaluation – J. D.", second.Summary);
        Assert.Null(second.Location);
        Assert.Equal(Seconds(inThreeDays).AddMinutes(60), second.End!.AsUtc);

        foreach (var phi in new[] { "Doe", "Jane", "Gone", "Other", "1961", "555-0142" })
        {
            Assert.DoesNotContain(phi, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WrongOrMissingTokenAnswers404AsForATherapistWhoDoesNotExist()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var token = (await IssueAsync(clinic, "ann"))["token"]!.GetValue<string>();

        var wrong = await Http.GetAsync(FeedPath(clinic, "ann", token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        var missing = await Http.GetAsync($"/api/clinics/{clinic.Id}/therapists/ann/calendar.ics");
        var nobody = await Http.GetAsync(FeedPath(clinic, "nobody", token));
        var otherTherapist = await Http.GetAsync(FeedPath(clinic, "bob", token));

        var details = new List<string?>();
        foreach (var response in new[] { wrong, missing, nobody, otherTherapist })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            details.Add((await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString());
        }

        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task IssuingANewTokenRevokesTheOldOne()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var old = (await IssueAsync(clinic, "ann"))["feedUrl"]!.GetValue<string>();
        var current = (await IssueAsync(clinic, "ann"))["feedUrl"]!.GetValue<string>();

        Assert.NotEqual(old, current);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(current)).StatusCode);
    }

    [Fact]
    public async Task DeletingTheTokenRevokesTheFeed()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var feedUrl = (await IssueAsync(clinic, "ann"))["feedUrl"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(feedUrl)).StatusCode);

        var deleted = await Http.DeleteAsync($"/api/clinics/{clinic.Id}/therapists/ann/calendar-token");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(feedUrl)).StatusCode);
    }

    [Fact]
    public async Task RemovingTheTherapistFromTheClinicEndsTheFeed()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var feedUrl = (await IssueAsync(clinic, "ann"))["feedUrl"]!.GetValue<string>();
        var config = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiClinic.Config))!.AsObject();
        config["therapists"] = new JsonArray(new JsonObject { ["id"] = "bob", ["displayName"] = "Bob Q., PTA", ["maxConcurrentPatients"] = 2 });

        (await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}", config)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(feedUrl)).StatusCode);
    }

    [Fact]
    public async Task IssuingForAnUnknownTherapistAnswers404()
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        var response = await Http.PostAsync($"/api/clinics/{clinic.Id}/therapists/nobody/calendar-token", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nobody", (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    private async Task<JsonObject> IssueAsync(ApiClinic clinic, string therapistId)
    {
        var response = await Http.PostAsync($"/api/clinics/{clinic.Id}/therapists/{therapistId}/calendar-token", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(FeedPath(clinic, therapistId, body["token"]!.GetValue<string>()), body["feedUrl"]!.GetValue<string>());
        return body;
    }

    private static string FeedPath(ApiClinic clinic, string therapistId, string token) =>
        $"/api/clinics/{clinic.Id}/therapists/{therapistId}/calendar.ics?token={token}";

    private static async Task<string> BookAsync(ApiClinic clinic, string patientId, string therapistId, DateTimeOffset start, string visitType)
    {
        var response = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId, therapistId, visitType, scheduledStart = start, overrideReason = "test: stacked bookings",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["visitId"]!.GetValue<string>();
    }

    /// <summary>iCalendar times have whole seconds.</summary>
    private static DateTime Seconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
