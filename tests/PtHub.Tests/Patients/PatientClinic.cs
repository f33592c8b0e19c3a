using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Patients;

/// <summary>A clinic of its own for one test, with the calls the patient tests make.</summary>
internal sealed class PatientClinic(ApiClinic clinic)
{
    public ApiClinic Clinic => clinic;

    public string Api => $"/api/clinics/{clinic.Id}/patients";

    public static async Task<PatientClinic> CreateAsync(HttpClient http) => new(await ApiClinic.CreateAsync(http));

    public Task<HttpResponseMessage> RegisterAsync(string first, string last, string born, string? phone = null, bool confirmedNew = false) =>
        clinic.Http.PostAsJsonAsync(Api, new { firstName = first, lastName = last, birthDate = born, phone, confirmedNew });

    /// <summary>Registers somebody new (no look-alike expected) and answers the id.</summary>
    public async Task<string> AddAsync(string first, string last, string born = "1970-01-01", string? phone = null)
    {
        using var response = await RegisterAsync(first, last, born, phone, confirmedNew: true);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["patientId"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> SearchResponseAsync(string q) => clinic.Http.GetAsync($"{Api}?q={Uri.EscapeDataString(q)}");

    /// <summary>The matches' "Last, First" in the order the search answered them.</summary>
    public async Task<string[]> SearchAsync(string q) =>
        [.. (await MatchesAsync(q)).Select(m => $"{m!["lastName"]!.GetValue<string>()}, {m["firstName"]!.GetValue<string>()}")];

    public async Task<JsonArray> MatchesAsync(string q)
    {
        using var response = await SearchResponseAsync(q);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["matches"]!.AsArray();
    }
}
