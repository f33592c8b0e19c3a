using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Tests.Api;

namespace PtHub.Tests.Figures;

/// <summary>The patient profile's figures against <see cref="ProfileScenario"/>'s working by hand.</summary>
[Collection(NodeCollection.Name)]
public sealed class PatientProfileFiguresTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheProfilesCountsUnitsLeftAndKxAmountAreTheHandComputedOnes()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var scenario = await ProfileScenario.PlayAsync(clinic);
        var patient = $"/api/clinics/{clinic.Id}/patients/{scenario.PatientId}";

        var visits = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"{patient}/visits", Ct))!;
        var record = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>(patient, Ct))!;
        var billing = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"{patient}/billing-status", Ct))!;

        Assert.Equal((ProfileScenario.Cancellations, ProfileScenario.NoShows), (visits["cancellations"]!.GetValue<int>(), visits["noShows"]!.GetValue<int>()));
        Assert.Equal([scenario.Upcoming], visits["upcoming"]!.AsArray().Select(v => v!["visitId"]!.GetValue<string>()));
        Assert.Equal(new[] { scenario.CheckedOut, scenario.Cancelled, scenario.NoShow }.Order(),
            visits["past"]!.AsArray().Select(v => v!["visitId"]!.GetValue<string>()).Order());
        Assert.Equal(["checked-out", "cancelled", "noshow"], visits["past"]!.AsArray()
            .OrderBy(v => Array.IndexOf([scenario.CheckedOut, scenario.Cancelled, scenario.NoShow], v!["visitId"]!.GetValue<string>()))
            .Select(v => v!["status"]!.GetValue<string>()));
        Assert.Equal("America/New_York", visits["timeZoneId"]!.GetValue<string>());

        var authorization = record["authorizations"]!.AsArray().Single()!;
        Assert.Equal((ProfileScenario.VisitsLeft, ProfileScenario.UnitsLeft), (authorization["visitsLeft"]!.GetValue<int>(), authorization["unitsLeft"]!.GetValue<int>()));

        var year = ProfileScenario.Today.Year;
        Assert.Equal((year, true, ProfileScenario.MedicareAmount, ProfileScenario.KxThreshold(year), false, 1),
            (billing["year"]!.GetValue<int>(), billing["isMedicare"]!.GetValue<bool>(), billing["medicareAmount"]!.GetValue<decimal>(),
                billing["kxThreshold"]!.GetValue<decimal>(), billing["kxModifierRequired"]!.GetValue<bool>(), billing["treatmentDaysSinceProgressReport"]!.GetValue<int>()));
    }
}
