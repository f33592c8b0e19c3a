using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Billing;
using PtHub.Tests.Api;

namespace PtHub.Tests.Billing;

/// <summary>
/// A clinic's own procedure codes: recorded, unitised under the 8-minute rule and exported like the built-in ones; a
/// built-in or repeated code refused; a visit recorded before a code was removed keeps its billing.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ClinicBillingCodeTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AClinicsTimedCodeSharesTheDaysTimedMinutesAndAServiceBasedOneEarnsOneUnit()
    {
        // 12 + 14 timed minutes = 26 → 2 units (23–37); neither code has a full 15, so one unit goes to each. 40 minutes
        // of a service-based code are 1 unit and add nothing to the timed total.
        var units = BillingUnits.Compute(BillingMethod.Cms,
            [new ServiceMinutes("97110", 12), new ServiceMinutes("97129", 14, Timed: true), new ServiceMinutes("92507", 40, Timed: false)]);

        Assert.Equal((3, 2), (units.TotalUnits, units.TimedUnits));
        Assert.Equal(1, units.UnitsByCode["97129"]);
        Assert.Equal(1, units.UnitsByCode["92507"]);
    }

    [Fact]
    public async Task AVisitBillsAClinicsCodesLikeBuiltInOnesAndTheChargesExportListsThem()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/billing-codes";
        var visitId = await FinishedVisitAsync(clinic);
        using (var unknown = await RecordAsync(clinic, visitId))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        }

        await Post(api, new { code = "97129", timed = true, evaluation = false, description = "Cognitive function intervention", discipline = "OT" });
        await Post(api, new { code = "92507", timed = false, evaluation = false, description = "Speech and language treatment", discipline = "SLP" });
        var listed = (await Http.GetFromJsonAsync<JsonArray>(api, Ct))!;
        Assert.Contains(listed, c => c!["code"]!.GetValue<string>() == "97110" && c["builtIn"]!.GetValue<bool>());
        Assert.Contains(listed, c => c!["code"]!.GetValue<string>() == "92507" && !c["builtIn"]!.GetValue<bool>() && c["discipline"]!.GetValue<string>() == "SLP");

        (await RecordAsync(clinic, visitId)).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "check-out")).EnsureSuccessStatusCode();

        var visit = await clinic.VisitAsync(visitId);
        Assert.Equal(["92507:1", "97110:1", "97129:1"], visit["billing"]!["charges"]!.AsArray().Select(c => $"{c!["code"]}:{c["units"]}"));
        var csv = await Http.GetStringAsync($"/api/clinics/{clinic.Id}/charges.csv?date={visit["visit"]!["date"]}", Ct);
        Assert.Contains(",97129,1,", csv, StringComparison.Ordinal);
        Assert.Contains(",92507,1,", csv, StringComparison.Ordinal);

        // Removing the code later does not rebill the visit recorded with it; a new visit can no longer record it.
        using (var removed = await Http.DeleteAsync($"{api}/97129", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Equal(visit["billing"]!.ToJsonString(), (await clinic.VisitAsync(visitId))["billing"]!.ToJsonString());
        using var after = await RecordAsync(clinic, await FinishedVisitAsync(clinic));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, after.StatusCode);
    }

    [Fact]
    public async Task BadOrRepeatedCodesAreRefusedAndChangeNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/billing-codes";
        await Post(api, new { code = "97165", timed = false, evaluation = true, description = "OT evaluation, low complexity", discipline = "OT" });
        var before = await Http.GetStringAsync(api, Ct);

        foreach (var (body, field) in new (object, string)[]
        {
            (new { code = "97-1", timed = true, evaluation = false, description = "x", discipline = "OT" }, "code"),
            (new { code = "97166", evaluation = false, description = "x", discipline = "OT" }, "timed"),
            (new { code = "97166", timed = true, description = "x", discipline = "OT" }, "evaluation"),
            (new { code = "97166", timed = true, evaluation = false, discipline = "OT" }, "description"),
            (new { code = "97166", timed = true, evaluation = false, description = "x", discipline = "Chiropractic" }, "discipline"),
        })
        {
            using var response = await Http.PostAsJsonAsync(api, body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![field] is not null, field);
        }

        foreach (var code in new[] { "97110", "97165", "g0283" })
        {
            using var response = await Http.PostAsJsonAsync(api, new { code, timed = true, evaluation = false, description = "x", discipline = "PT" }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync($"{api}/97110", Ct)).StatusCode);
        Assert.Equal(before, await Http.GetStringAsync(api, Ct));
    }

    private Task<HttpResponseMessage> RecordAsync(ApiClinic clinic, string visitId) =>
        clinic.CommandAsync(visitId, "record-services", new
        {
            services = new object[] { new { code = "97110", minutes = 12 }, new { code = "97129", minutes = 14 }, new { code = "92507", minutes = 40 } },
        });

    private static async Task<string> FinishedVisitAsync(ApiClinic clinic)
    {
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        foreach (var action in new[] { "arrive", "check-in", "assign", "start", "finish" })
        {
            (await clinic.CommandAsync(visitId, action, action == "assign" ? new { roomId = "gym" } : null)).EnsureSuccessStatusCode();
        }

        return visitId;
    }

    private async Task Post(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
