using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PtHub.Tests.Api;

/// <summary>Drives one clinic through the public REST API, as a front-desk client would.</summary>
public sealed class ApiClinic(HttpClient http, string clinicId)
{
    public string Id => clinicId;

    public HttpClient Http => http;

    public static readonly object Config = new
    {
        name = "API test clinic",
        timeZoneId = "America/New_York",
        // Open around the clock, every day (closing at 00:00 is midnight), so tests book "now" whenever they run.
        openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "00:00:00", closes = "00:00:00" }),
        rooms = new object[]
        {
            new { id = "room-1", name = "Room 1", kind = "private", capacity = 1 },
            new { id = "gym", name = "Gym", kind = "gym", capacity = 4 },
        },
        therapists = new object[]
        {
            new { id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 1 },
            new { id = "bob", displayName = "Bob Q., PTA", maxConcurrentPatients = 2 },
        },
    };

    public static async Task<ApiClinic> CreateAsync(HttpClient http)
    {
        var clinic = new ApiClinic(http, "api-" + Guid.NewGuid().ToString("N")[..10]);
        var response = await http.PutAsJsonAsync($"/api/clinics/{clinic.Id}", Config);
        response.EnsureSuccessStatusCode();
        return clinic;
    }

    public async Task<string> AddPatientAsync(string first = "Rita", string last = "Moreno")
    {
        var response = await http.PostAsJsonAsync($"/api/clinics/{clinicId}/patients",
            new { firstName = first, lastName = last, birthDate = "1961-12-11", phone = "555-0142", confirmedNew = true });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["patientId"]!.GetValue<string>();
    }

    /// <summary>
    /// Books a visit starting in a minute and returns its id. Lifecycle tests stack many visits at one time, so they
    /// book the way the front desk double-books: with an explicit override (the scheduling tests book without one).
    /// </summary>
    public async Task<string> BookAsync(string patientId, string therapistId = "bob")
    {
        var response = await http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits", new
        {
            patientId, therapistId, visitType = "follow-up", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(1),
            overrideReason = "test: stacked bookings",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["visitId"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> CommandAsync(string visitId, string action, object? body = null) =>
        body is null
            ? http.PostAsync($"/api/clinics/{clinicId}/visits/{visitId}/{action}", null)
            : http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits/{visitId}/{action}", body);

    public async Task<JsonObject> BoardAsync() =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/board"))!;

    /// <summary>The board's rows as text, to compare whole states before and after a refused request.</summary>
    public async Task<string> BoardRowsAsync() => (await BoardAsync())["rows"]!.ToJsonString();

    public async Task<JsonObject> VisitAsync(string visitId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/visits/{visitId}"))!;

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
