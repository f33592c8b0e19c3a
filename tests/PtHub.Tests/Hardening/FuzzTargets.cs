using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Hardening;

/// <summary>
/// A real clinic, patient (with insurance and an authorization), booked visit, therapist, waitlist entry and calendar
/// token, made over the API; their ids fill the route parameters, and <see cref="SnapshotAsync"/> reads all they hold.
/// </summary>
public sealed class FuzzTargets
{
    private readonly ApiClinic _clinic;
    private readonly string _visitDate;
    private readonly string _feedUrl;

    private FuzzTargets(ApiClinic clinic, IReadOnlyDictionary<string, string> ids, string visitDate, string feedUrl)
    {
        _clinic = clinic;
        Ids = ids;
        _visitDate = visitDate;
        _feedUrl = feedUrl;
    }

    /// <summary>Route parameter name → id.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; }

    private HttpClient Http => _clinic.Http;

    public static async Task<FuzzTargets> CreateAsync(HttpClient http)
    {
        var clinic = await ApiClinic.CreateAsync(http);
        var patientId = await clinic.AddPatientAsync("Fuzz", "Target");
        (await http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage",
            new { payer = "Acme Health", memberId = "M-1", billingMethod = "cms", copay = 20 })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/authorizations",
            new { from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), visitsAuthorized = 12 }))
            .EnsureSuccessStatusCode();

        // Two hours ahead: no automatic no-show can touch it while the test runs.
        var booked = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = DateTimeOffset.UtcNow.AddHours(2), overrideReason = "fuzz target",
        });
        booked.EnsureSuccessStatusCode();
        var visit = (await booked.Content.ReadFromJsonAsync<JsonObject>())!;
        var waiting = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/waitlist", new { patientId, visitType = "follow-up", priority = 2 });
        waiting.EnsureSuccessStatusCode();
        var token = await http.PostAsync($"/api/clinics/{clinic.Id}/therapists/ann/calendar-token", null);
        token.EnsureSuccessStatusCode();
        var user = await http.PostAsJsonAsync("/api/users", new { userName = $"fuzz-{Guid.NewGuid():N}"[..20], displayName = "Fuzz", role = "FrontDesk", clinicIds = new[] { clinic.Id } });
        user.EnsureSuccessStatusCode();
        var display = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/displays", new { name = "Fuzz TV" });
        display.EnsureSuccessStatusCode();

        // One item id fills both the supplies' and the equipment's {itemId}: a real supply (its bodies reach the item),
        // and for the equipment an id it does not know (bodies are refused before the lookup, or answered 404).
        var supply = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/supplies", new { name = "Fuzz tape", unit = "roll", reorderPoint = 1, reorderQuantity = 5 });
        supply.EnsureSuccessStatusCode();

        // A real person on the roster, so credential and training bodies reach them.
        var person = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/staff", new { name = "Fuzz Person", jobRole = "PT", employmentStart = "2024-01-02", therapistId = "ann" });
        person.EnsureSuccessStatusCode();

        var provider = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/referrals/providers", new { name = "Dr. Fuzz", npi = "1234567893" });
        provider.EnsureSuccessStatusCode();

        var injury = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/injury-log",
            new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), person = "Fuzz Person", description = "Strained back lifting a patient", caseType = "SkinDisorder", outcome = "OtherRecordable" });
        injury.EnsureSuccessStatusCode();

        var ids = new Dictionary<string, string>
        {
            ["caseId"] = (await injury.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>(),
            ["providerId"] = (await provider.Content.ReadFromJsonAsync<JsonObject>())!["providerId"]!.GetValue<string>(),
            ["staffId"] = (await person.Content.ReadFromJsonAsync<JsonObject>())!["staffId"]!.GetValue<string>(),
            ["itemId"] = (await supply.Content.ReadFromJsonAsync<JsonObject>())!["itemId"]!.GetValue<string>(),
            ["clinicId"] = clinic.Id,
            ["patientId"] = patientId,
            ["visitId"] = visit["visitId"]!.GetValue<string>(),
            ["therapistId"] = "ann",
            ["openingId"] = "no-such-opening",
            ["entryId"] = (await waiting.Content.ReadFromJsonAsync<JsonObject>())!["entryId"]!.GetValue<string>(),
            ["userId"] = (await user.Content.ReadFromJsonAsync<JsonObject>())!["user"]!["userId"]!.GetValue<string>(),
            ["displayId"] = (await display.Content.ReadFromJsonAsync<JsonObject>())!["display"]!["displayId"]!.GetValue<string>(),
        };
        return new FuzzTargets(clinic, ids, visit["date"]!.GetValue<string>(),
            (await token.Content.ReadFromJsonAsync<JsonObject>())!["feedUrl"]!.GetValue<string>());
    }

    /// <summary>Everything the targets hold, read over the API, as one text to compare.</summary>
    public async Task<string> SnapshotAsync()
    {
        var clinic = $"/api/clinics/{_clinic.Id}";
        var parts = new List<string>();
        foreach (var url in new[]
        {
            "/api/clinics", clinic, $"{clinic}/patients/{Ids["patientId"]}", $"{clinic}/patients/{Ids["patientId"]}/plans-of-care",
            $"{clinic}/visits/{Ids["visitId"]}", $"{clinic}/waitlist", $"{clinic}/under-scheduled", "/api/users", $"{clinic}/displays",
            $"{clinic}/supplies", $"{clinic}/equipment", $"{clinic}/staff", $"{clinic}/staff/settings",
            $"{clinic}/referrals/providers", $"{clinic}/referrals", $"{clinic}/injury-log", $"{clinic}/injury-log/summary",
            $"{clinic}/staff/onboarding", $"{clinic}/staff/onboarding/items", $"{clinic}/staff/{Ids["staffId"]}/onboarding",
        })
        {
            parts.Add($"{url}: {await Http.GetStringAsync(url)}");
        }

        foreach (var date in new[] { "", $"?date={_visitDate}" })
        {
            var board = (await Http.GetFromJsonAsync<JsonObject>($"{clinic}/board{date}"))!;
            board.Remove("generatedAt");
            parts.Add($"board{date}: {board.ToJsonString()}");
        }

        // The token issued before the fuzz still opens the feed: no request issued a new one or revoked it.
        parts.Add($"calendar feed: {(int)(await Http.GetAsync(_feedUrl)).StatusCode}");
        return string.Join('\n', parts);
    }
}
