using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Kpis;

/// <summary>A patient whose plan's visits were all cancelled, with two authorized visits and a plan started 80 days ago, is on all three worklists.</summary>
[Collection(NodeCollection.Name)]
public sealed class WorklistApiTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APatientOffPlanWithFewVisitsLeftAndRecertificationDueIsOnEachWorklist()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var http = fixture.Node.Http;
        var api = $"/api/clinics/{clinic.Id}";
        var patientId = await clinic.AddPatientAsync("Wanda", "Listed");
        var onPlan = await clinic.AddPatientAsync("Paul", "Onplan");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var id in new[] { patientId, onPlan })
        {
            using var created = await http.PostAsJsonAsync($"{api}/patients/{id}/plans-of-care", new
            {
                therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 2, startDate = today.AddDays(14).ToString("yyyy-MM-dd"), preferredTime = "10:00:00",
            }, Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            if (id == patientId)
            {
                foreach (var visitId in (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitIds"]!.AsArray())
                {
                    (await clinic.CommandAsync(visitId!.GetValue<string>(), "cancel", new { reason = "moved away" })).EnsureSuccessStatusCode();
                }
            }
        }

        (await http.PostAsJsonAsync($"{api}/patients/{patientId}/authorizations", new { id = "auth-1", from = today.AddDays(-1), to = today.AddDays(60), visitsAuthorized = 2 }, Ct)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"{api}/patients/{patientId}/plan-of-care", new { start = today.AddDays(-80) }, Ct)).EnsureSuccessStatusCode();

        var lists = (await http.GetFromJsonAsync<JsonObject>($"{api}/worklists", Ct))!;

        foreach (var list in new[] { "droppedOff", "authorizationsLow", "recertificationDue" })
        {
            var row = Assert.Single(lists[list]!.AsArray())!;
            Assert.Equal(patientId, row["patientId"]!.GetValue<string>());
            Assert.Equal($"/patients/{clinic.Id}/{patientId}", row["profile"]!.GetValue<string>());
        }

        Assert.Equal("no visit booked; 0 of 2 planned visits attended", lists["droppedOff"]![0]!["detail"]!.GetValue<string>());
        Assert.StartsWith("authorization auth-1: 2 visits left", lists["authorizationsLow"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
