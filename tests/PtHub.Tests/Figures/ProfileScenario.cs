using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Figures;

/// <summary>
/// A patient's short history, played through the API, whose profile figures (docs/figures.md, "Patient profile")
/// are worked out by hand below. Medicare, CMS method; authorized 10 visits and 20 units from yesterday for 60 days.
/// Four visits booked: one checked out with 30 min of 97110 and 20 min of 97140, one cancelled, one a no-show, one
/// still booked.
/// </summary>
public sealed record ProfileScenario(string PatientId, string CheckedOut, string Cancelled, string NoShow, string Upcoming)
{
    // 50 timed minutes → 3 units (38-52); 97110 takes 2 (two full 15s), 97140 takes 1.
    public const int UnitsBilled = 3;

    // 10 authorized, 1 used by the checked-out visit (cancellations and no-shows use none).
    public const int VisitsLeft = 9;

    // 20 authorized, 3 billed.
    public const int UnitsLeft = 17;

    // Example fee schedule: 97110 $30/unit × 2 + 97140 $28/unit × 1.
    public const decimal MedicareAmount = 88m;

    public const int Cancellations = 1;

    public const int NoShows = 1;

    /// <summary>Today in the API test clinic's zone.</summary>
    public static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);

    /// <summary>The KX threshold of the configured table for a year (2026 and later take 2026's).</summary>
    public static decimal KxThreshold(int year) => year switch { <= 2023 => 2230m, 2024 => 2330m, 2025 => 2410m, _ => 2480m };

    public static async Task<ProfileScenario> PlayAsync(ApiClinic clinic, string first = "Hana", string last = "Profile")
    {
        var http = clinic.Http;
        var patientId = await clinic.AddPatientAsync(first, last);
        var patient = $"/api/clinics/{clinic.Id}/patients/{patientId}";
        var today = Today;
        (await http.PutAsJsonAsync($"{patient}/coverage",
            new { payer = "Medicare", memberId = "1EG4-TE5-MK72", billingMethod = "cms", copay = 0, isMedicare = true })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"{patient}/authorizations",
            new { id = "auth-1", from = today.AddDays(-1), to = today.AddDays(60), visitsAuthorized = 10, unitsAuthorized = 20 })).EnsureSuccessStatusCode();

        var checkedOut = await clinic.BookAsync(patientId, "ann");
        foreach (var (action, body) in new (string, object?)[]
        {
            ("arrive", null), ("check-in", null), ("start", new { roomId = "gym" }), ("finish", null),
            ("record-services", new { services = new[] { new { code = "97110", minutes = 30 }, new { code = "97140", minutes = 20 } } }), ("check-out", null),
        })
        {
            (await clinic.CommandAsync(checkedOut, action, body)).EnsureSuccessStatusCode();
        }

        var cancelled = await clinic.BookAsync(patientId);
        (await clinic.CommandAsync(cancelled, "cancel", new { reason = "Sick" })).EnsureSuccessStatusCode();

        // Half an hour ago, past the no-show grace: the desk marks it (or the clinic's clock already has).
        var booked = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId, therapistId = "bob", visitType = "follow-up", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(-30), overrideReason = "entered late",
        });
        booked.EnsureSuccessStatusCode();
        var noShow = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["visitId"]!.GetValue<string>();
        using (var marked = await clinic.CommandAsync(noShow, "no-show"))
        {
            Assert.True(marked.IsSuccessStatusCode || (await clinic.VisitAsync(noShow))["visit"]!["status"]!.GetValue<string>() == "noshow");
        }

        var upcoming = await clinic.BookAsync(patientId);
        return new ProfileScenario(patientId, checkedOut, cancelled, noShow, upcoming);
    }
}
