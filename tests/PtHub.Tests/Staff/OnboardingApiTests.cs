using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Staff;

/// <summary>
/// The onboarding checklist through the REST API: the defaults, items added, renamed and retired, ticks with who and
/// when, an un-tick that needs a reason and stays in the history, progress as the roster shows it, who reads what,
/// and bad input refused with nothing changed.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class OnboardingApiTests(NodeFixture fixture)
{
    private static readonly string[] DefaultNames =
    [
        "I-9 / identity verified", "Licence verified", "NPI recorded", "HIPAA training", "OSHA training", "CPR/BLS card", "EHR account created",
        "Keys / badge issued",
    ];

    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewClinicStartsWithTheEightUsualItemsAndANewHireHasNoneDone()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/staff";
        var ann = await AddAsync(clinic, "Ann Park");

        var items = (await Http.GetFromJsonAsync<JsonArray>($"{api}/onboarding/items", Ct))!;
        var checklist = (await Http.GetFromJsonAsync<JsonObject>($"{api}/{ann}/onboarding", Ct))!;

        Assert.Equal(DefaultNames, items.Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal((0, 8), (checklist["done"]!.GetValue<int>(), checklist["total"]!.GetValue<int>()));
        Assert.All(checklist["items"]!.AsArray(), i => Assert.Null(i!["completedAt"]));
    }

    [Fact]
    public async Task TicksKeepWhoAndWhenAnUntickNeedsAReasonAndProgressCountsOnlyItemsInUse()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        var api = $"/api/clinics/{clinic.Id}/staff";
        var ann = await AddAsync(clinic, "Ann Park");
        var bob = await AddAsync(clinic, "Bob Quinn");
        var before = DateTimeOffset.UtcNow;

        foreach (var item in new[] { "identity", "licence", "npi", "hipaa", "keys-badge" })
        {
            (await manager.Http.PostAsync($"{api}/{ann}/onboarding/{item}/complete", null, Ct)).EnsureSuccessStatusCode();
        }

        // Ticking a ticked item again changes nothing: no second mark, the first tick's time stays.
        var first = (await Http.GetFromJsonAsync<JsonObject>($"{api}/{ann}/onboarding", Ct))!;
        var again = await Post($"{api}/{ann}/onboarding/npi/complete", null, manager.Http);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());

        var npi = Line(again, "npi");
        Assert.Equal(manager.UserName.ToLowerInvariant(), npi["completedBy"]!.GetValue<string>().ToLowerInvariant());
        Assert.InRange(npi["completedAt"]!.GetValue<DateTimeOffset>(), before, DateTimeOffset.UtcNow);
        Assert.Equal(5, again["history"]!.AsArray().Count);
        Assert.Equal([(ann, 5, 8), (bob, 0, 8)], await ProgressAsync(api));

        var undone = await Post($"{api}/{ann}/onboarding/keys-badge/undo", new { reason = "Badge was for the wrong site" }, manager.Http);
        Assert.Null(Line(undone, "keys-badge")["completedAt"]);
        var mark = undone["history"]!.AsArray().Last()!;
        Assert.Equal(("keys-badge", false, "Badge was for the wrong site"),
            (mark["itemId"]!.GetValue<string>(), mark["completed"]!.GetValue<bool>(), mark["reason"]!.GetValue<string>()));

        // Retiring a ticked item takes it out of the count on both sides; a new item counts as not done.
        (await Http.PutAsJsonAsync($"{api}/onboarding/items/npi", new { name = "NPI recorded", retired = true }, Ct)).EnsureSuccessStatusCode();
        var added = (await (await Http.PostAsJsonAsync($"{api}/onboarding/items", new { name = "Parking permit issued" }, Ct)).Content.ReadFromJsonAsync<JsonArray>(Ct))!;
        var permit = added.Last()!["itemId"]!.GetValue<string>();
        (await Http.PutAsJsonAsync($"{api}/onboarding/items/licence", new { name = "State licence verified online" }, Ct)).EnsureSuccessStatusCode();

        // Ann: identity, licence, hipaa ticked in use (npi retired, keys taken back) of 8 in use (8 - npi + permit).
        Assert.Equal([(ann, 3, 8), (bob, 0, 8)], await ProgressAsync(api));
        var checklist = (await Http.GetFromJsonAsync<JsonObject>($"{api}/{ann}/onboarding", Ct))!;
        Assert.Equal("State licence verified online", Line(checklist, "licence")["name"]!.GetValue<string>());
        Assert.True(Line(checklist, "npi")["retired"]!.GetValue<bool>());
        Assert.Null(Line(checklist, permit)["completedAt"]);
        var bobs = (await Http.GetFromJsonAsync<JsonObject>($"{api}/{bob}/onboarding", Ct))!;
        Assert.DoesNotContain(bobs["items"]!.AsArray(), i => i!["itemId"]!.GetValue<string>() == "npi");

        using (var retired = await Http.PostAsync($"{api}/{bob}/onboarding/npi/complete", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, retired.StatusCode);
        }

        using (var notTicked = await Http.PostAsJsonAsync($"{api}/{bob}/onboarding/identity/undo", new { reason = "mistake" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, notTicked.StatusCode);
        }

        var audit = (await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/audit?userId={manager.UserName.ToLowerInvariant()}", Ct))!;
        Assert.Equal(6, audit.Count(e => e!["action"]!.GetValue<string>() == "staff.onboarding.complete"));
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "staff.onboarding.undo"
            && e["resource"]!.GetValue<string>() == $"POST {api}/{ann}/onboarding/keys-badge/undo");
    }

    [Fact]
    public async Task StaffReadTheirOwnChecklistAndNobodyElsesAndOnlyManagersChangeIt()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        using var therapist = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var api = $"/api/clinics/{clinic.Id}/staff";
        var ann = (await Post(api, new { name = "Ann Park", jobRole = "PT", employmentStart = "2024-03-01", userId = therapist.UserName, therapistId = "ann" }))["staffId"]!
            .GetValue<string>();
        await Post($"{api}/{ann}/onboarding/hipaa/complete", null);

        var mine = (await therapist.Http.GetFromJsonAsync<JsonObject>($"{api}/me/onboarding", Ct))!;

        Assert.Equal(("Ann Park", 1, 8), (mine["name"]!.GetValue<string>(), mine["done"]!.GetValue<int>(), mine["total"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Http.GetAsync($"{api}/me/onboarding", Ct)).StatusCode);
        foreach (var client in new[] { therapist.Http, desk.Http })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{api}/{ann}/onboarding", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{api}/onboarding", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{api}/{ann}/onboarding/osha/complete", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{api}/onboarding/items", new { name = "Uniform" }, Ct)).StatusCode);
        }

        Assert.Equal([(ann, 1, 8)], await ProgressAsync(api));
        var audit = (await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/audit?userId={therapist.UserName.ToLowerInvariant()}", Ct))!;
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "staff.onboarding.self");
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/staff";
        var ann = await AddAsync(clinic, "Ann Park");
        await Post($"{api}/{ann}/onboarding/osha/complete", null);
        var items = await Http.GetStringAsync($"{api}/onboarding/items", Ct);
        var checklist = await Http.GetStringAsync($"{api}/{ann}/onboarding", Ct);

        foreach (var (method, path, body, field) in new (string, string, object, string)[]
        {
            ("POST", $"{api}/onboarding/items", new { }, "name"),
            ("POST", $"{api}/onboarding/items", new { name = "   " }, "name"),
            ("POST", $"{api}/onboarding/items", new { name = new string('x', 81) }, "name"),
            ("POST", $"{api}/onboarding/items", new { name = "<b>Keys</b>" }, "name"),
            ("POST", $"{api}/onboarding/items", new { name = "Uniform", retired = true }, "retired"),
            ("PUT", $"{api}/onboarding/items/osha", new { name = "", retired = false }, "name"),
            ("POST", $"{api}/{ann}/onboarding/osha/undo", new { }, "reason"),
            ("POST", $"{api}/{ann}/onboarding/osha/undo", new { reason = " " }, "reason"),
            ("POST", $"{api}/{ann}/onboarding/osha/undo", new { reason = new string('r', 501) }, "reason"),
        })
        {
            using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(body) }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {field}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![field] is not null, $"{path}: {field}");
        }

        using (var duplicate = await Http.PostAsJsonAsync($"{api}/onboarding/items", new { name = "hipaa TRAINING" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync($"{api}/nobody/onboarding/osha/complete", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync($"{api}/{ann}/onboarding/no-such-item/complete", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PutAsJsonAsync($"{api}/onboarding/items/no-such-item", new { name = "X" }, Ct)).StatusCode);
        Assert.Equal(items, await Http.GetStringAsync($"{api}/onboarding/items", Ct));
        Assert.Equal(checklist, await Http.GetStringAsync($"{api}/{ann}/onboarding", Ct));
    }

    private static JsonObject Line(JsonNode checklist, string itemId) =>
        checklist["items"]!.AsArray().Single(i => i!["itemId"]!.GetValue<string>() == itemId)!.AsObject();

    private async Task<List<(string, int, int)>> ProgressAsync(string api) =>
        [.. (await Http.GetFromJsonAsync<JsonArray>($"{api}/onboarding", Ct))!
            .Select(p => (p!["staffId"]!.GetValue<string>(), p["done"]!.GetValue<int>(), p["total"]!.GetValue<int>()))];

    private async Task<string> AddAsync(ApiClinic clinic, string name) =>
        (await Post($"/api/clinics/{clinic.Id}/staff", new { name, jobRole = "PT", employmentStart = "2025-11-03" }))["staffId"]!.GetValue<string>();

    private async Task<JsonNode> Post(string path, object? body, HttpClient? client = null)
    {
        using var response = body is null ? await (client ?? Http).PostAsync(path, null, Ct) : await (client ?? Http).PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }
}
