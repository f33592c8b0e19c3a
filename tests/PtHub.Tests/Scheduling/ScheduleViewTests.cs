using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;
using NodeCollection = PtHub.Tests.Api.NodeCollection;
using NodeFixture = PtHub.Tests.Api.NodeFixture;

namespace PtHub.Tests.Scheduling;

/// <summary>
/// The schedule of a clinic-day through the API and the hub: its frame and entries, live changes of any date (not
/// only today), and the free-slot search with a patient's weekday and time-of-day preferences.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ScheduleViewTests(NodeFixture fixture)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A week ahead in the clinic's zone, so nothing of the test falls into the past.</summary>
    private static DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime).AddDays(7);

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    private static async Task<string> BookAsync(ApiClinic clinic, string patientId, string therapistId, DateTimeOffset start)
    {
        var response = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId, therapistId, visitType = "follow-up", scheduledStart = start }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
    }

    private static async Task<HubConnection> ConnectAsync(AppNode node, StaffClient? staff = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/dashboard"), (staff ?? node.Admin).Authenticate)
            .Build();
        await connection.StartAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task TheScheduleOfADateHasItsVisitsWorkingHoursAndTheStepsEachVisitAllows()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var rita = await clinic.AddPatientAsync("Rita", "Moreno");
        var sam = await clinic.AddPatientAsync("Sam", "Okafor");
        var early = await BookAsync(clinic, rita, "ann", At(Day, 10));
        var late = await BookAsync(clinic, sam, "bob", At(Day, 11, 30));
        Assert.Equal(HttpStatusCode.OK, (await clinic.CommandAsync(late, "cancel", new { reason = "moved away" })).StatusCode);

        var schedule = (await clinic.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/schedule?date={Day:yyyy-MM-dd}", Ct))!;

        Assert.Equal($"{Day:yyyy-MM-dd}", schedule["date"]!.GetValue<string>());
        var frame = schedule["frame"]!;
        Assert.Equal(At(Day, 0), frame["midnight"]!.GetValue<DateTimeOffset>());
        // The test clinic is open around the clock: the day's one open span is its whole day.
        var open = Assert.Single(frame["open"]!.AsArray());
        Assert.Equal(At(Day, 0), open!["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At(Day.AddDays(1), 0), open["until"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["ann", "bob"], frame["therapists"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal(["room-1", "gym"], frame["spaces"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));

        var entries = schedule["entries"]!.AsArray();
        Assert.Equal([early, late], entries.Select(e => e!["visitId"]!.GetValue<string>()));
        var booked = entries[0]!;
        Assert.Equal("Moreno, Rita", booked["patientName"]!.GetValue<string>());
        Assert.Equal("Follow-up", booked["visitTypeName"]!.GetValue<string>());
        Assert.Equal(At(Day, 10), booked["scheduledStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal(45, booked["durationMinutes"]!.GetValue<int>());
        var allowed = booked["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("reschedule", allowed);
        Assert.Contains("cancel", allowed);
        // A week ahead: arriving or a no-show is not yet possible.
        Assert.DoesNotContain("noshow", allowed);
        var cancelled = entries[1]!;
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Empty(cancelled["actions"]!.AsArray());
        // The cancellation freed a slot a week ahead: the schedule offers it as an opening.
        Assert.Equal(late, Assert.Single(schedule["openings"]!.AsArray())!["opening"]!["openingId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AScheduleTooFarAwayOrOfAnUnknownClinicIsRefusedInWords()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);

        var far = await clinic.Http.GetAsync($"/api/clinics/{clinic.Id}/schedule?date=2999-01-01", Ct);
        var unknown = await clinic.Http.GetAsync($"/api/clinics/no-such-{Guid.NewGuid():N}/schedule", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("within 10 years", (await ApiClinic.ProblemAsync(far)).GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ASubscribedScheduleOfAFutureDateGetsEachBookingAndLosesAVisitMovedToAnotherDay()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var rita = await clinic.AddPatientAsync();
        await using var connection = await ConnectAsync(fixture.Node);
        var pushes = new List<JsonElement>();
        var booked = new TaskCompletionSource<JsonElement>();
        var removed = new TaskCompletionSource<JsonElement>();
        connection.On<JsonElement>("ScheduleChanged", delta =>
        {
            lock (pushes)
            {
                pushes.Add(delta);
            }

            if (delta.GetProperty("upserts").GetArrayLength() > 0)
            {
                booked.TrySetResult(delta);
            }

            if (delta.GetProperty("removed").GetArrayLength() > 0)
            {
                removed.TrySetResult(delta);
            }
        });

        var snapshot = await connection.InvokeAsync<JsonElement>("SubscribeSchedule", clinic.Id, Day, Ct);
        var visitId = await BookAsync(clinic, rita, "ann", At(Day, 9));
        var first = await booked.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var moved = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/reschedule",
            new { scheduledStart = At(Day.AddDays(1), 9) }, Ct);
        var gone = await removed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(0, snapshot.GetProperty("entries").GetArrayLength());
        Assert.Equal($"{Day:yyyy-MM-dd}", first.GetProperty("date").GetString());
        Assert.Equal(snapshot.GetProperty("version").GetInt64() + 1, first.GetProperty("version").GetInt64());
        Assert.Equal(visitId, first.GetProperty("upserts")[0].GetProperty("visitId").GetString());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(visitId, gone.GetProperty("removed")[0].GetString());
        lock (pushes)
        {
            // Versions follow one another without a gap, so a screen applies each push in turn.
            var versions = pushes.Select(p => p.GetProperty("version").GetInt64()).Distinct().Order().ToList();
            Assert.Equal(Enumerable.Range(0, versions.Count).Select(i => versions[0] + i), versions);
        }
    }

    [Fact]
    public async Task TheScheduleNamesEveryPatientOfTheDaySoATherapistCannotWatchIt()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var ann = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        await using var therapist = await ConnectAsync(fixture.Node, ann);
        await using var frontDesk = await ConnectAsync(fixture.Node, desk);

        var refused = await Assert.ThrowsAsync<HubException>(() => therapist.InvokeAsync<JsonElement>("SubscribeSchedule", clinic.Id, Day, Ct));
        var allowed = await frontDesk.InvokeAsync<JsonElement>("SubscribeSchedule", clinic.Id, Day, Ct);

        Assert.Contains("not open to the Therapist role", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, allowed.GetProperty("frame").GetProperty("therapists").GetArrayLength());
    }

    [Fact]
    public async Task FreeSlotsKeepToThePatientsWeekdaysAndTimeOfDay()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var from = Day;

        var slots = (await clinic.Http.GetFromJsonAsync<JsonObject>(
            $"/api/clinics/{clinic.Id}/free-slots?visitType=follow-up&therapistId=ann&from={from:yyyy-MM-dd}&days=14&weekdays=tue,Thursday&after=14:00&before=16:00", Ct))!;

        var starts = slots["slots"]!.AsArray().Select(s => TimeZoneInfo.ConvertTime(s!["start"]!.GetValue<DateTimeOffset>(), NewYork)).ToList();
        // Two weeks hold two Tuesdays and two Thursdays; each has 14:00, 14:15 … 15:15 (a 45-minute visit done by 16:00).
        Assert.Equal(4 * 6, starts.Count);
        Assert.All(starts, s => Assert.Contains(s.DayOfWeek, new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday }));
        Assert.Equal(new TimeOnly(14, 0), starts.Select(s => TimeOnly.FromDateTime(s.DateTime)).Min());
        Assert.Equal(new TimeOnly(15, 15), starts.Select(s => TimeOnly.FromDateTime(s.DateTime)).Max());
    }

    [Fact]
    public async Task FreeSlotPreferencesThatMakeNoSenseAreRefusedInWords()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);

        var badDay = await clinic.Http.GetAsync($"/api/clinics/{clinic.Id}/free-slots?weekdays=mon,funday", Ct);
        var backwards = await clinic.Http.GetAsync($"/api/clinics/{clinic.Id}/free-slots?after=15:00&before=09:00", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Contains("'funday'", (await ApiClinic.ProblemAsync(badDay)).GetProperty("errors").GetProperty("weekdays")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("later than after", (await ApiClinic.ProblemAsync(backwards)).GetProperty("errors").GetProperty("before")[0].GetString(), StringComparison.Ordinal);
    }
}
