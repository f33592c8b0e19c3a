using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Scheduling;

[Collection(NodeCollection.Name)]
public sealed class PlanOfCareTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private async Task<JsonObject> CreatePlanAsync(ApiClinic clinic, string patientId, object plan)
    {
        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/plans-of-care", plan);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task ABookingNamingAPlanOfAnotherPatientIsRefusedOnPlanIdAndBooksNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var rita = await clinic.AddPatientAsync();
        var other = await clinic.AddPatientAsync("Oli", "Other");
        var plan = await CreatePlanAsync(clinic, other, new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 1, startDate = "2027-04-05",
            preferredDays = new[] { "Monday" }, preferredTime = "10:00:00",
        });
        var commandId = Guid.NewGuid();
        object Booking(string planId) => new
        {
            patientId = rita, therapistId = "ann", visitType = "follow-up", scheduledStart = "2027-04-06T11:00:00-04:00", commandId, planId,
        };

        using var refused = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", Booking(plan["planId"]!.GetValue<string>()));
        using var notBooked = await Http.GetAsync($"/api/clinics/{clinic.Id}/visits/{commandId}");
        using var unknown = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", Booking("no-such-plan"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["planId"], (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, notBooked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        // The plan's own patient may name it.
        using var own = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId = other, therapistId = "ann", visitType = "follow-up", scheduledStart = "2027-04-07T11:00:00-04:00", planId = plan["planId"]!.GetValue<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task ASeriesKeepsItsLocalTimeAcrossADaylightSavingChange()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        // New York leaves daylight saving on Sunday 2026-11-01: 10:00 is 14:00 UTC before and 15:00 UTC after.
        var plan = await CreatePlanAsync(clinic, patientId, new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 2, weeks = 3, startDate = "2026-10-26",
            preferredDays = new[] { "Monday", "Wednesday" }, preferredTime = "10:00:00",
        });

        var visitIds = plan["visitIds"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Equal(6, visitIds.Count);
        Assert.Empty(plan["unplaced"]!.AsArray());
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var starts = new List<DateTimeOffset>();
        foreach (var id in visitIds)
        {
            starts.Add(DateTimeOffset.Parse((await clinic.VisitAsync(id))["visit"]!["scheduledStart"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        Assert.All(starts, s => Assert.Equal(new TimeSpan(10, 0, 0), TimeZoneInfo.ConvertTime(s, zone).TimeOfDay));
        Assert.Equal(["2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11"],
            starts.Select(s => TimeZoneInfo.ConvertTime(s, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(14, starts[0].UtcDateTime.Hour);
        Assert.Equal(15, starts[2].UtcDateTime.Hour);
    }

    [Fact]
    public async Task SessionsWithNoTimeAreReportedAndThePatientShowsAsUnderScheduled()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var busy = await clinic.AddPatientAsync("Bea", "Busy");
        var planned = await clinic.AddPatientAsync("Pat", "Planned");
        var monday = new DateOnly(2027, 3, 1);

        // Ann treats one patient at a time and has 12:00 taken on the Monday: the plan's Monday session moves to the
        // nearest free time (13:00), the others go to the other weekdays, and two of seven find no weekday left.
        var filler = await CreatePlanAsync(clinic, busy, new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 1, startDate = monday,
            preferredDays = new[] { "Monday" }, preferredTime = "12:00:00",
        });
        var plan = await CreatePlanAsync(clinic, planned, new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 7, weeks = 1, startDate = monday,
            preferredDays = new[] { "Monday" }, preferredTime = "12:00:00",
        });

        Assert.Single(filler["visitIds"]!.AsArray());
        var monday1300 = (await clinic.VisitAsync(plan["visitIds"]!.AsArray()[0]!.GetValue<string>()))["visit"]!["scheduledStart"]!.GetValue<string>();
        Assert.Equal(new TimeSpan(13, 0, 0), TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(monday1300, CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).TimeOfDay);
        Assert.Equal(5, plan["visitIds"]!.AsArray().Count);
        Assert.Equal(2, plan["unplaced"]!.AsArray().Count);
        var under = await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/under-scheduled");
        var row = Assert.Single(under!)!;
        Assert.Equal(planned, row["patientId"]!.GetValue<string>());
        Assert.Equal(7, row["planned"]!.GetValue<int>());
        Assert.Equal(5, row["bookedAhead"]!.GetValue<int>());
        Assert.Equal(2, row["shortfall"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnInvalidPlanAnswers400NamingItsFields()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patientId = await clinic.AddPatientAsync();

        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/plans-of-care",
            new { therapistId = "zed", visitType = "follow-up", visitsPerWeek = 9, weeks = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "therapistId", "visitsPerWeek", "weeks", "startDate", "preferredTime" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
