using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.Tests.PostgreSql;

/// <summary>
/// A small clinic day driven through the REST API, used by the storage tests: one clinic, two rooms, two
/// therapists, patients, and visits in several statuses. The visits are booked for tomorrow (UTC), so no
/// "not arrived" alert depends on when the test runs.
/// </summary>
internal sealed class ClinicDay(string clinicId)
{

    public string ClinicId { get; } = clinicId;

    public DateOnly Date { get; } = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    public string DateText => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A clinic of its own for one test; <paramref name="prefix"/> is a short name for logs.</summary>
    public static ClinicDay New(string prefix) => new($"{prefix}-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task ConfigureAsync(HttpClient http)
    {
        var config = new
        {
            name = "Storage Test Clinic",
            timeZoneId = "UTC",
            // Open every day, so the booking rules accept "tomorrow" whatever weekday the tests run on.
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "07:00:00", closes = "19:00:00" }),
            rooms = new object[]
            {
                new { id = "r1", name = "Room 1", kind = "private", capacity = 1 },
                new { id = "gym", name = "Gym", kind = "gym", capacity = 4 },
            },
            therapists = new object[]
            {
                new { id = "t1", displayName = "Dana Lee, PT", maxConcurrentPatients = 1 },
                new { id = "t2", displayName = "Sam Ortiz, PT", maxConcurrentPatients = 2 },
            },
        };
        using var response = await http.PutAsJsonAsync($"/api/clinics/{ClinicId}", config, Ct);
        await EnsureSuccessAsync(response);
    }

    public async Task<string> RegisterPatientAsync(HttpClient http, string firstName, string lastName)
    {
        var body = new { firstName, lastName, birthDate = "1980-04-02", phone = "555-0100", email = "patient@example.org", confirmedNew = true };
        using var response = await http.PostAsJsonAsync($"/api/clinics/{ClinicId}/patients", body, Ct);
        return (string)(await EnsureSuccessAsync(response))["patientId"]!;
    }

    /// <summary>Books a follow-up for this day at the given UTC time; returns the visit id.</summary>
    public async Task<string> BookAsync(HttpClient http, string patientId, string therapistId, TimeOnly at)
    {
        var start = new DateTimeOffset(Date.ToDateTime(at), TimeSpan.Zero);
        var body = new { patientId, therapistId, visitType = "follow-up", scheduledStart = start, commandId = Guid.NewGuid() };
        using var response = await http.PostAsJsonAsync($"/api/clinics/{ClinicId}/visits", body, Ct);
        var snapshot = await EnsureSuccessAsync(response);
        Assert.Equal("booked", (string?)snapshot["status"]);
        return (string)snapshot["visitId"]!;
    }

    /// <summary>Gives a visit a command (arrive, check-in, start...) as the client's user; returns the new snapshot.</summary>
    public async Task<JsonNode> CommandAsync(HttpClient http, string visitId, string action,
        string? roomId = null, string? therapistId = null, string? reason = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clinics/{ClinicId}/visits/{visitId}/{action}")
        {
            Content = JsonContent.Create(new { commandId = Guid.NewGuid(), roomId, therapistId, reason }),
        };
        using var response = await http.SendAsync(request, Ct);
        return await EnsureSuccessAsync(response);
    }

    /// <summary>
    /// Configures the clinic and plays a day with visits in many statuses: checked out, in treatment, roomed,
    /// arrived, booked and cancelled. Returns the visit ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> PlayAsync(HttpClient http)
    {
        await ConfigureAsync(http);
        var ada = await RegisterPatientAsync(http, "Ada", "Lovelace");
        var ben = await RegisterPatientAsync(http, "Ben", "Okafor");
        var cleo = await RegisterPatientAsync(http, "Cleo", "Martin");
        var dev = await RegisterPatientAsync(http, "Dev", "Patel");
        var eve = await RegisterPatientAsync(http, "Eve", "Novak");

        var done = await BookAsync(http, ada, "t1", new TimeOnly(9, 0));
        var treating = await BookAsync(http, ben, "t2", new TimeOnly(9, 30));
        var roomed = await BookAsync(http, cleo, "t1", new TimeOnly(10, 0));
        var waiting = await BookAsync(http, dev, "t2", new TimeOnly(10, 30));
        var booked = await BookAsync(http, eve, "t1", new TimeOnly(11, 0));
        var cancelled = await BookAsync(http, ada, "t2", new TimeOnly(15, 0));

        await CommandAsync(http, done, "arrive");
        await CommandAsync(http, done, "check-in");
        await CommandAsync(http, done, "start", roomId: "r1");
        await CommandAsync(http, done, "finish");
        await CommandAsync(http, done, "check-out");

        await CommandAsync(http, treating, "arrive");
        await CommandAsync(http, treating, "check-in");
        await CommandAsync(http, treating, "start", roomId: "gym");

        await CommandAsync(http, roomed, "arrive");
        await CommandAsync(http, roomed, "check-in");
        await CommandAsync(http, roomed, "assign", roomId: "r1");

        await CommandAsync(http, waiting, "arrive");

        await CommandAsync(http, cancelled, "cancel", reason: "Patient called: car trouble");

        return [done, treating, roomed, waiting, booked, cancelled];
    }

    public async Task<JsonObject> GetBoardAsync(HttpClient http)
    {
        using var response = await http.GetAsync($"/api/clinics/{ClinicId}/board?date={DateText}", Ct);
        return (await EnsureSuccessAsync(response)).AsObject();
    }

    /// <summary>
    /// The board's rows as JSON, without <c>minutesInStatus</c> (it counts minutes up to "now", so it may tick
    /// between two reads). Everything else in a row comes from stored state.
    /// </summary>
    public async Task<string> GetBoardRowsJsonAsync(HttpClient http)
    {
        var rows = (await GetBoardAsync(http))["rows"]!.AsArray();
        foreach (var row in rows)
        {
            row!.AsObject().Remove("minutesInStatus");
        }

        return rows.ToJsonString();
    }

    public async Task<JsonObject> GetVisitAsync(HttpClient http, string visitId)
    {
        using var response = await http.GetAsync($"/api/clinics/{ClinicId}/visits/{visitId}", Ct);
        return (await EnsureSuccessAsync(response)).AsObject();
    }

    /// <summary>The board rows and every visit with its history, as JSON: what must survive a restart unchanged.</summary>
    public async Task<string> CaptureAsync(HttpClient http, IEnumerable<string> visitIds)
    {
        var capture = new JsonObject { ["rows"] = JsonNode.Parse(await GetBoardRowsJsonAsync(http)) };
        foreach (var visitId in visitIds)
        {
            capture[visitId] = await GetVisitAsync(http, visitId);
        }

        return capture.ToJsonString();
    }

    private static async Task<JsonNode> EnsureSuccessAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered "
                + $"{(int)response.StatusCode} {response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty response body.");
    }
}
