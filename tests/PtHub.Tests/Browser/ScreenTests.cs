using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The three screens in a real headless Chromium against the running app with the demo clinic.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTests(BrowserFixture fixture)
{
    private const string Clinic = "demo";

    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private async Task<JsonArray> BoardRowsAsync() =>
        (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{Clinic}/board"))!["rows"]!.AsArray();

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = false });

    [Fact]
    public async Task EachScreenLoadsTheDemoClinic()
    {
        var rows = await BoardRowsAsync();
        var config = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{Clinic}"))!;

        var board = await fixture.OpenAsync($"/board/{Clinic}", 1366, 900);
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(board.Locator("article.visit")).ToHaveCountAsync(rows.Count);
        await ScreenshotAsync(board, "board");

        var lobby = await fixture.OpenDisplayAsync(Clinic);
        await Assertions.Expect(lobby.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(lobby.Locator("section.therapist")).ToHaveCountAsync(config["therapists"]!.AsArray().Count);
        await Assertions.Expect(lobby.Locator("#clinic-name")).ToHaveTextAsync(config["name"]!.GetValue<string>());
        await ScreenshotAsync(lobby, "lobby");

        var manager = await fixture.OpenAsync($"/manager/{Clinic}", 1440, 900);
        await Assertions.Expect(manager.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(manager.Locator("article.space")).ToHaveCountAsync(config["rooms"]!.AsArray().Count);
        await Assertions.Expect(manager.Locator("[data-kpi=scheduled] .value"))
            .ToHaveTextAsync(rows.Count(r => r!["status"]!.GetValue<string>() != "entered-in-error").ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScreenshotAsync(manager, "manager");

        var home = await fixture.OpenAsync("/", 1280, 720);
        var clinics = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>("/api/clinics"))!;
        await Assertions.Expect(home.Locator("li.clinic")).ToHaveCountAsync(clinics.Count);
        await Assertions.Expect(home.Locator("a[href='/board/demo']")).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task ActionsOnTheBoardShowOnTheLobbyAndManagerWithoutReload()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Walter", "Brennan"), therapistId: "ann");
        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1366, 900);
        var lobby = await fixture.OpenDisplayAsync(clinic.Id);
        var manager = await fixture.OpenAsync($"/manager/{clinic.Id}", 1440, 900);
        foreach (var page in new[] { board, lobby, manager })
        {
            await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        }

        var row = board.Locator($"article[data-visit='{visitId}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Arrive" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "arrived");
        await Assertions.Expect(lobby.Locator("ol.waiting .label")).ToHaveTextAsync("W. B.");

        await row.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "checked-in");
        await row.GetByRole(AriaRole.Button, new() { Name = "Room…" }).ClickAsync();
        await board.Locator("dialog select[name=roomId]").SelectOptionAsync("room-1");
        await board.Locator("dialog").GetByRole(AriaRole.Button, new() { Name = "Room" }).ClickAsync();
        await Assertions.Expect(row.Locator(".where small")).ToHaveTextAsync("Room 1");
        await Assertions.Expect(manager.Locator("[data-space=room-1] .occupancy")).ToHaveTextAsync("1 of 1");

        await row.GetByRole(AriaRole.Button, new() { Name = "Start…" }).ClickAsync();
        await board.Locator("dialog").GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "in-treatment");
        await Assertions.Expect(lobby.Locator("ul.seeing .label")).ToHaveTextAsync("W. B.");
        await Assertions.Expect(manager.Locator("[data-kpi=in-treatment] .value")).ToHaveTextAsync("1");
        await Assertions.Expect(manager.Locator("[data-space=room-1] .state")).ToContainTextAsync("Full");
    }

    [Fact]
    public async Task AMistakenCancellationIsTakenBackFromTheConfirmationsUndo()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Greta", "Lindqvist"), therapistId: "ann");
        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1366, 900);
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var row = board.Locator($"article[data-visit='{visitId}']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel…" }).ClickAsync();
        await Assertions.Expect(board.Locator("dialog .warning")).ToContainTextAsync("late cancellation");
        await board.Locator("dialog input[name=reason]").FillAsync("Clicked the wrong row");
        await board.Locator("dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel visit" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "cancelled");
        await Assertions.Expect(board.Locator("#toast")).ToContainTextAsync("Greta");

        await board.Locator("#toast").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "booked");
        await Assertions.Expect(board.Locator("#toast")).ToContainTextAsync("cancellation undone");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Arrive" })).ToBeVisibleAsync();
        var visit = await clinic.VisitAsync(visitId);
        Assert.Equal("booked", visit["visit"]!["status"]!.GetValue<string>());
        Assert.False(visit["visit"]!["lateCancellation"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheDeskChecksOutTakingADifferentCopayAndTheRowShowsWhatWasPaid()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Olive", "Kitteridge");
        (await fixture.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patientId}/coverage",
            new { payer = "Acme Health", memberId = "M-7", billingMethod = "cms", copay = 25 })).EnsureSuccessStatusCode();
        var visitId = await clinic.BookAsync(patientId, therapistId: "ann");
        foreach (var (action, body) in new (string, object?)[] { ("arrive", null), ("check-in", null), ("start", new { roomId = "room-1" }), ("finish", null) })
        {
            (await clinic.CommandAsync(visitId, action, body)).EnsureSuccessStatusCode();
        }

        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1366, 900);
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var row = board.Locator($"article[data-visit='{visitId}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Check out…" }).ClickAsync();
        var dialog = board.Locator("dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Copay due: $25.00");
        await Assertions.Expect(dialog.GetByLabel("Amount taken ($)")).ToHaveValueAsync("25.00");
        await dialog.GetByLabel("Amount taken ($)").FillAsync("20");
        await dialog.GetByLabel("Paid by").SelectOptionAsync("cash");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Collect and check out" }).ClickAsync();

        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "checked-out");
        await Assertions.Expect(row.Locator(".paid")).ToHaveTextAsync("Copay $20.00 paid · cash");
        await Assertions.Expect(row.Locator(".alert.copay-due")).ToHaveCountAsync(0);
        var paid = (await clinic.BoardAsync())["rows"]!.AsArray().Single(r => r!["visitId"]!.GetValue<string>() == visitId)!["copayPaid"]!;
        Assert.Equal(20m, paid["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task TheBoardOffersOnlySpacesWithRoomLeft()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var first = await clinic.BookAsync(await clinic.AddPatientAsync());
        var second = await clinic.BookAsync(await clinic.AddPatientAsync("Tom", "Hanks"));
        foreach (var visit in new[] { first, second })
        {
            (await clinic.CommandAsync(visit, "arrive")).EnsureSuccessStatusCode();
            (await clinic.CommandAsync(visit, "check-in")).EnsureSuccessStatusCode();
        }

        (await clinic.CommandAsync(first, "assign", new { roomId = "room-1" })).EnsureSuccessStatusCode();
        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1366, 900);
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

        await board.Locator($"article[data-visit='{second}']").GetByRole(AriaRole.Button, new() { Name = "Room…" }).ClickAsync();

        var options = await board.Locator("dialog select[name=roomId] option").AllTextContentsAsync();
        Assert.DoesNotContain(options, o => o.StartsWith("Room 1", StringComparison.Ordinal));
        Assert.Contains(options, o => o.StartsWith("Gym", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLobbyShowsReconnectingWhenTheServerGoesAndCatchesUpWhenItIsBack()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Walter", "Brennan"));
        var lobby = await fixture.OpenDisplayAsync(clinic.Id);
        await Assertions.Expect(lobby.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

        await fixture.StopNodeAsync();
        await Assertions.Expect(lobby.Locator("#live")).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = 30_000 });
        await Assertions.Expect(lobby.Locator(".not-updating")).ToContainTextAsync("not updating");
        await Assertions.Expect(lobby.Locator("section.therapist")).ToHaveCountAsync(0);
        await fixture.RestartNodeAsync();
        var again = new ApiClinic(fixture.Node.Http, clinic.Id);
        (await again.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();

        await Assertions.Expect(lobby.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
        await Assertions.Expect(lobby.Locator("ol.waiting .label")).ToHaveTextAsync("W. B.", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task TheLobbyPageNeverReceivesPatientInformation()
    {
        var page = await fixture.NewAnonymousPageAsync();
        var received = new List<string>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => { lock (received) { received.Add(frame.Text ?? ""); } };
        page.Response += (_, response) => { lock (received) { received.Add(response.Url); } };
        var visits = await BoardRowsAsync();
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var patientId in visits.Select(r => r!["patientId"]!.GetValue<string>()).Distinct())
        {
            var patient = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{Clinic}/patients/{patientId}"))!["details"]!;
            secrets.UnionWith([patientId, patient["lastName"]!.GetValue<string>(), patient["birthDate"]!.GetValue<string>(),
                patient["phone"]!.GetValue<string>(), patient["email"]!.GetValue<string>()]);
        }

        secrets.UnionWith(visits.Select(r => r!["visitId"]!.GetValue<string>()));
        secrets.UnionWith(visits.Select(r => r!["patientName"]!.GetValue<string>()));

        await page.GotoAsync((await fixture.PairDisplayAsync(Clinic)).PairUrl);
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("section.therapist").First).ToBeVisibleAsync(Patiently);
        var dom = await page.ContentAsync();

        string[] seen;
        lock (received)
        {
            seen = [.. received, dom];
        }

        Assert.Contains(seen, s => s.Contains("\"therapists\"", StringComparison.Ordinal));
        foreach (var text in seen)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.DoesNotContain(seen, s => s.Contains("/api/", StringComparison.Ordinal));
    }
}
