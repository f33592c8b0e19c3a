using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Communication;

/// <summary>A clinic's messaging settings through the API: templates may merge only the minimum fields; new lead times apply to new bookings.</summary>
[Collection(NodeCollection.Name)]
public sealed class MessagingSettingsApiTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATemplateAskingForADiagnosisIsRefusedNamingTheFieldAndNothingChanges()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var before = await fixture.Node.Http.GetStringAsync($"/api/clinics/{clinic.Id}/messaging", Ct);

        using var refused = await fixture.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging", new
        {
            remindersEnabled = true, reminderLeadHours = new[] { 48.0, 2.0 }, quietFrom = "21:00", quietUntil = "08:00",
            templates = new[] { new { name = "reminder", subject = "{clinic}", body = "Your {diagnosis} visit at {time}" } },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ApiClinic.ProblemAsync(refused);
        Assert.Contains("{diagnosis}", problem.GetProperty("errors").GetProperty("templates[0].body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Node.Http.GetStringAsync($"/api/clinics/{clinic.Id}/messaging", Ct));
    }

    [Fact]
    public async Task NewLeadTimesPlanTheRemindersOfTheNextBooking()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        (await fixture.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging",
            new { remindersEnabled = true, reminderLeadHours = new[] { 24.0 }, quietFrom = "00:00", quietUntil = "00:00" }, Ct)).EnsureSuccessStatusCode();
        var patientId = await clinic.AddPatientAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(15), TimeSpan.Zero);

        (await fixture.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = start, overrideReason = "test" }, Ct)).EnsureSuccessStatusCode();

        var messages = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/patients/{patientId}/messages", Ct))!;
        var only = Assert.Single(messages)!;
        Assert.Equal(start.AddHours(-24), only["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(("Pending", "Sms"), (only["status"]!.GetValue<string>(), only["channel"]!.GetValue<string>()));
    }
}
