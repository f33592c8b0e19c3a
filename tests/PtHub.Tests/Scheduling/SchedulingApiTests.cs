using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Scheduling;

[Collection(NodeCollection.Name)]
public sealed class SchedulingApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    /// <summary>Tomorrow at a local hour in the test clinic's zone (New York), so times are in the future and on one day.</summary>
    private static DateTimeOffset Tomorrow(int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(1).AddHours(hour).AddMinutes(minute);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private Task<HttpResponseMessage> BookAsync(ApiClinic clinic, string patientId, string therapistId, DateTimeOffset start, string? room = null, string? overrideReason = null) =>
        Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new { patientId, therapistId, visitType = "follow-up", scheduledStart = start, roomId = room, overrideReason });

    [Fact]
    public async Task AConflictAnswers409ListingWhatConflictsAndBooksNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        (await BookAsync(clinic, await clinic.AddPatientAsync(), "ann", Tomorrow(9), "room-1")).EnsureSuccessStatusCode();
        var before = await Http.GetStringAsync($"/api/clinics/{clinic.Id}/board?date={Tomorrow(9):yyyy-MM-dd}");

        var response = await BookAsync(clinic, await clinic.AddPatientAsync("Tom", "Hanks"), "ann", Tomorrow(9, 30), "room-1");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflicts = (await ApiClinic.ProblemAsync(response)).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(2, conflicts.Count);
        Assert.Contains(conflicts, c => c.Contains("Ann P., PT already has", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("Room 1 is fully booked", StringComparison.Ordinal));
        Assert.Equal(before, await Http.GetStringAsync($"/api/clinics/{clinic.Id}/board?date={Tomorrow(9):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task AnOverrideBooksDespiteConflictsAndIsRecorded()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        (await BookAsync(clinic, await clinic.AddPatientAsync(), "ann", Tomorrow(9))).EnsureSuccessStatusCode();

        var response = await BookAsync(clinic, await clinic.AddPatientAsync("Tom", "Hanks"), "ann", Tomorrow(9), overrideReason: "Post-op, Dr. asked");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var visitId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["visitId"]!.GetValue<string>();
        var booking = (await clinic.VisitAsync(visitId))["events"]!.AsArray()[0]!;
        Assert.Contains("override: Post-op, Dr. asked", booking["detail"]!.GetValue<string>());
        Assert.Contains("Ann P., PT already has", booking["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoHundredConcurrentAttemptsAtTheLastSlotBookExactlyOne()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patients = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            patients.Add(await clinic.AddPatientAsync($"P{i}", $"Q{i}"));
        }

        var start = Tomorrow(15);
        var attempts = Enumerable.Range(0, 200).Select(i => BookAsync(clinic, patients[i % patients.Count], "ann", start)).ToList();
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(199, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var board = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board?date={start:yyyy-MM-dd}");
        Assert.Single(board!["rows"]!.AsArray());
    }

    [Fact]
    public async Task FreeSlotsLeaveOutBookedTime()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        (await BookAsync(clinic, await clinic.AddPatientAsync(), "ann", Tomorrow(10))).EnsureSuccessStatusCode();

        var free = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/free-slots?visitType=follow-up&therapistId=ann&from={Tomorrow(0):yyyy-MM-dd}&days=1");

        var starts = free!["slots"]!.AsArray().Select(s => DateTimeOffset.Parse(s!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(Tomorrow(9, 15), starts);
        Assert.DoesNotContain(Tomorrow(9, 30), starts);
        Assert.DoesNotContain(Tomorrow(10, 30), starts);
        Assert.Contains(Tomorrow(10, 45), starts);
        Assert.Equal(45, free["durationMinutes"]!.GetValue<int>());
        var bad = await Http.GetAsync($"/api/clinics/{clinic.Id}/free-slots?visitType=massage&days=99");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task RescheduleMovesAVisitToAnotherDayAndChecksTheRules()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var today = await clinic.BookAsync(await clinic.AddPatientAsync());
        (await BookAsync(clinic, await clinic.AddPatientAsync("Tom", "Hanks"), "bob", Tomorrow(11))).EnsureSuccessStatusCode();
        (await BookAsync(clinic, await clinic.AddPatientAsync("Ed", "Harris"), "bob", Tomorrow(11))).EnsureSuccessStatusCode();

        var refused = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{today}/reschedule", new { scheduledStart = Tomorrow(11, 15) });
        var moved = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{today}/reschedule", new { scheduledStart = Tomorrow(13) });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.DoesNotContain((await clinic.BoardAsync())["rows"]!.AsArray(), r => r!["visitId"]!.GetValue<string>() == today);
        var tomorrow = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board?date={Tomorrow(13):yyyy-MM-dd}");
        Assert.Contains(tomorrow!["rows"]!.AsArray(), r => r!["visitId"]!.GetValue<string>() == today);
        Assert.Equal("reschedule", (await clinic.VisitAsync(today))["events"]!.AsArray()[^1]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunningLateMovesExpectedStartsAndTheLobbyWait()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var later = await clinic.BookAsync(await clinic.AddPatientAsync());

        var response = await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/therapists/bob/running-late", new { minutes = 20 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var row = (await clinic.BoardAsync())["rows"]!.AsArray().Single(r => r!["visitId"]!.GetValue<string>() == later)!;
        var scheduled = DateTimeOffset.Parse(row["scheduledStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(scheduled.AddMinutes(20), DateTimeOffset.Parse(row["expectedStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        (await clinic.CommandAsync(later, "arrive")).EnsureSuccessStatusCode();
        Assert.InRange((await clinic.VisitAsync(later))["quotedWaitMinutes"]!.GetValue<int>(), 20, 21);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/therapists/zed/running-late", new { minutes = 5 })).StatusCode);
    }
}
