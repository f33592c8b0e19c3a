using System.Net;
using PtHub.Grains.Contracts;
using System.Net.Http.Json;
using System.Text;

namespace PtHub.Tests.Api;

[Collection(NodeCollection.Name)]
public sealed class VisitApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task AVisitWalksTheWholeFlowAndKeepsItsHistory()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());

        foreach (var (action, body) in new (string, object?)[]
        {
            ("arrive", null), ("check-in", null), ("assign", new { roomId = "room-1" }), ("start", null), ("finish", null), ("check-out", null),
        })
        {
            var response = await clinic.CommandAsync(visitId, action, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var visit = await clinic.VisitAsync(visitId);
        Assert.Equal("checked-out", visit["visit"]!["status"]!.GetValue<string>());
        var events = visit["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToArray();
        Assert.Equal(["book", "arrive", "check-in", "assign", "start", "finish", "check-out"], events);
        Assert.Equal("room-1", visit["events"]![3]!["roomId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedInUserIsRecordedOnTheEvent()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        (await desk.Http.PostAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/arrive", null)).EnsureSuccessStatusCode();

        var events = (await clinic.VisitAsync(visitId))["events"]!.AsArray();
        Assert.Equal(desk.UserName, events[^1]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task IllegalTransitionAnswers409WithReasonAndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        var before = await clinic.BoardRowsAsync();

        var response = await clinic.CommandAsync(visitId, "finish");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiClinic.ProblemAsync(response);
        Assert.Contains("cannot finish before it starts", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await clinic.BoardRowsAsync());
    }

    [Fact]
    public async Task ArrivingTwiceIsRefused()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();

        var again = await clinic.CommandAsync(visitId, "arrive");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already arrived", (await ApiClinic.ProblemAsync(again)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RetriedCommandWithSameIdAppliesOnce()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        var command = new { commandId = Guid.NewGuid() };

        var first = await clinic.CommandAsync(visitId, "arrive", command);
        var retry = await clinic.CommandAsync(visitId, "arrive", command);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var events = (await clinic.VisitAsync(visitId))["events"]!.AsArray();
        Assert.Single(events, e => e!["action"]!.GetValue<string>() == "arrive");
    }

    [Fact]
    public async Task RoomCapacityExceededAnswers409()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var first = await clinic.BookAsync(await clinic.AddPatientAsync());
        var second = await clinic.BookAsync(await clinic.AddPatientAsync("Tom", "Hanks"));
        foreach (var visit in new[] { first, second })
        {
            (await clinic.CommandAsync(visit, "arrive")).EnsureSuccessStatusCode();
            (await clinic.CommandAsync(visit, "check-in")).EnsureSuccessStatusCode();
        }

        (await clinic.CommandAsync(first, "start", new { roomId = "room-1" })).EnsureSuccessStatusCode();
        var before = await clinic.BoardRowsAsync();
        var refused = await clinic.CommandAsync(second, "start", new { roomId = "room-1" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Room 1 is full", (await ApiClinic.ProblemAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(before, await clinic.BoardRowsAsync());
    }

    [Fact]
    public async Task CancelWithoutReasonAnswers422()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());

        var response = await clinic.CommandAsync(visitId, "cancel", new { reason = " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("reason", (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CancellingWithinADayIsFlaggedLate()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());

        var response = await clinic.CommandAsync(visitId, "cancel", new { reason = "Car broke down" });

        var visit = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal("cancelled", visit!["status"]!.GetValue<string>());
        Assert.True(visit["lateCancellation"]!.GetValue<bool>());
        Assert.Equal("Car broke down", visit["cancelReason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"roomId\": ")]
    [InlineData("{\"commandId\": \"not-a-guid\"}")]
    [InlineData("[1,2,3]")]
    public async Task MalformedCommandBodyAnswers400WithProblemDetails(string body)
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        var before = await clinic.BoardRowsAsync();

        var response = await Http.PostAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/arrive",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClinic.ProblemAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await clinic.BoardRowsAsync());
    }

    [Fact]
    public async Task UnknownVisitAnswers404()
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        var command = await clinic.CommandAsync("no-such-visit", "arrive");
        var read = await Http.GetAsync($"/api/clinics/{clinic.Id}/visits/no-such-visit");

        Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        await ApiClinic.ProblemAsync(command);
    }

    [Fact]
    public async Task AVisitOfAnotherClinicIsNotFoundThere()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var other = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());

        var response = await other.CommandAsync(visitId, "arrive");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("booked", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task BookingWithMissingFieldsAnswers400NamingThem()
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new { visitType = "follow-up", durationMinutes = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "patientId", "therapistId", "scheduledStart", "durationMinutes" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}");
        }

        Assert.Equal("[]", await clinic.BoardRowsAsync());
    }

    [Fact]
    public async Task BookingAnUnknownVisitTypeAnswers422()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId, therapistId = "ann", visitType = "massage", scheduledStart = DateTimeOffset.UtcNow });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("massage", (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WalkInAppearsArrivedOnTheBoard()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/walk-ins", new { patientId, therapistId = "bob", visitType = "follow-up" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var row = Assert.Single((await clinic.BoardAsync())["rows"]!.AsArray());
        Assert.Equal("arrived", row!["status"]!.GetValue<string>());
        Assert.True(row["walkIn"]!.GetValue<bool>());
    }
}
