using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Browser;

/// <summary>
/// A clinic created and set up entirely on screens, as a new administrator would: the new-clinic form, then the setup
/// screen (the server's messages shown beside the part they are about), then its board and lobby following it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClinicSetupScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Creates a clinic through the home page's form and answers the setup page it lands on, and the clinic's id.</summary>
    private async Task<(IPage Page, string ClinicId)> CreateOnHomePageAsync(string name)
    {
        var page = await fixture.OpenAsync("/", 1440, 1000);
        var form = page.Locator("#new-clinic-form");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("select[name=timeZoneId]").SelectOptionAsync("America/Chicago");
        var clinicId = await form.Locator("input[name=clinicId]").InputValueAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create clinic" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Node.BaseAddress, $"/settings/{clinicId}?created=1").ToString(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#save-result")).ToContainTextAsync("Clinic created", new() { Timeout = 30_000 });
        return (page, clinicId);
    }

    private static async Task SaveAsync(IPage page, string expected)
    {
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#save-result")).ToContainTextAsync(expected, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task AnAdministratorCreatesAClinicOnScreensAndItsBoardAndLobbyFollowIt()
    {
        var name = $"Lakeside PT {Suffix()}";
        var (setup, clinicId) = await CreateOnHomePageAsync(name);
        Assert.StartsWith("lakeside-pt-", clinicId, StringComparison.Ordinal);

        // Open every day around the clock, so the visit booked below is inside the hours whenever the test runs.
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            var row = setup.Locator($"#part-hours ~ table tr[data-day={day}]");
            await row.Locator("input[name=open]").SetCheckedAsync(true);
            await row.Locator("input[name=opens]").FillAsync("00:00");
            await row.Locator("input[name=closes]").FillAsync("00:00");
        }

        await setup.Locator("#add-room").ClickAsync();
        var room = setup.Locator("tr[data-room]").Last;
        await room.Locator("input[name=name]").FillAsync("Main gym");
        await room.Locator("select[name=kind]").SelectOptionAsync("gym");
        await room.Locator("input[name=capacity]").FillAsync("0");

        await setup.Locator("#add-therapist").ClickAsync();
        var therapist = setup.Locator("fieldset.therapist-setup").Last;
        await therapist.Locator("input[name=displayName]").FillAsync("Tara N., PT");
        await therapist.Locator("input[name=maxConcurrentPatients]").FillAsync("2");
        await therapist.Locator("input[name=ownHours]").CheckAsync();
        var monday = therapist.Locator("tr[data-day=Monday]");
        await monday.Locator("input[name=works]").SetCheckedAsync(true);
        await monday.Locator("input[name=start]").FillAsync("08:00");
        await monday.Locator("input[name=end]").FillAsync("17:00");
        await monday.GetByRole(AriaRole.Button, new() { Name = "+ break" }).ClickAsync();
        await monday.Locator("input[name=break-from]").FillAsync("12:00");
        await monday.Locator("input[name=break-to]").FillAsync("12:30");
        await therapist.Locator("input[name=ownHours]").UncheckAsync();

        await setup.Locator("#add-visit-type").ClickAsync();
        var visitType = setup.Locator("tr[data-visit-type]").Last;
        await visitType.Locator("input[name=name]").FillAsync("Dry needling");
        await visitType.Locator("input[name=defaultMinutes]").FillAsync("30");
        await setup.Locator("input[name=lobbyMessage]").FillAsync("Welcome to Lakeside");

        await SaveAsync(setup, "Not saved");
        await Assertions.Expect(setup.Locator("[data-errors=rooms]")).ToHaveTextAsync("Room 'main-gym' capacity must be between 1 and 100 (was 0).");
        await Assertions.Expect(setup.Locator("tr[data-room] input[name=name]")).ToHaveValueAsync("Main gym");
        Assert.Empty((await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}", Ct))!["rooms"]!.AsArray());

        await room.Locator("input[name=capacity]").FillAsync("6");
        await SaveAsync(setup, "Saved at");
        await Assertions.Expect(setup.Locator("[data-errors]")).ToHaveCountAsync(0);
        await setup.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "settings.png") });

        var config = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}", Ct))!;
        Assert.Equal(name, config["name"]!.GetValue<string>());
        Assert.Equal("America/Chicago", config["timeZoneId"]!.GetValue<string>());
        Assert.Equal(7, config["openingHours"]!.AsArray().Count);
        Assert.Equal("""{"id":"main-gym","name":"Main gym","kind":"gym","capacity":6,"outOfService":false}""", config["rooms"]![0]!.ToJsonString());
        Assert.Equal("tara-n-pt", config["therapists"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, config["therapists"]![0]!["maxConcurrentPatients"]!.GetValue<int>());
        Assert.Null(config["therapists"]![0]!["workingHours"]);
        Assert.Contains(config["visitTypes"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "dry-needling" && t["defaultMinutes"]!.GetValue<int>() == 30);
        Assert.Equal("Welcome to Lakeside", config["lobbyMessage"]!.GetValue<string>());

        var patient = await fixture.Node.Http.PostAsJsonAsync($"/api/clinics/{clinicId}/patients",
            new { firstName = "Nora", lastName = "Lund", birthDate = "1970-05-05", phone = "555-0199" }, Ct);
        var patientId = (await patient.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
        var booked = await fixture.Node.Http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits", new
        {
            patientId, therapistId = "tara-n-pt", visitType = "dry-needling", roomId = "main-gym", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(2),
        }, Ct);
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));

        var board = await fixture.OpenAsync($"/board/{clinicId}", 1366, 900);
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(board.Locator("#clinic-name")).ToHaveTextAsync(name);
        await Assertions.Expect(board.Locator("#filter-therapist option[value='tara-n-pt']")).ToHaveTextAsync("Tara N., PT");
        await Assertions.Expect(board.Locator("article.visit")).ToContainTextAsync("Lund");
        var lobby = await fixture.OpenDisplayAsync(clinicId);
        await Assertions.Expect(lobby.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(lobby.Locator("#clinic-name")).ToHaveTextAsync(name);
        await Assertions.Expect(lobby.Locator("section.therapist h2")).ToHaveTextAsync(["Tara N., PT"]);
        await Assertions.Expect(lobby.Locator("body")).ToContainTextAsync("Welcome to Lakeside");

        // Changed on the setup screen while the lobby is on the wall: the wall follows without a reload.
        await setup.Locator("#settings input[name=name]").First.FillAsync($"{name} North");
        await setup.Locator("#add-therapist").ClickAsync();
        await setup.Locator("fieldset.therapist-setup").Last.Locator("input[name=displayName]").FillAsync("Omar B., PTA");
        await SaveAsync(setup, "Saved at");

        await Assertions.Expect(lobby.Locator("#clinic-name")).ToHaveTextAsync($"{name} North", new() { Timeout = 30_000 });
        await Assertions.Expect(lobby.Locator("section.therapist h2")).ToHaveTextAsync(["Tara N., PT", "Omar B., PTA"], new() { Timeout = 30_000 });

        // The desk's calendar of the new clinic: a column per therapist set up on the screen, with the visit booked above.
        var schedule = await fixture.OpenAsync($"/schedule/{clinicId}", 1600, 1000);
        await Assertions.Expect(schedule.Locator("#clinic-name")).ToContainTextAsync($"{name} North", new() { Timeout = 30_000 });
        await Assertions.Expect(schedule.Locator("section.sched-col[data-column] .sched-head span")).ToHaveTextAsync(["Tara N., PT", "Omar B., PTA"]);
        await Assertions.Expect(schedule.Locator("[data-column=tara-n-pt] .appt")).ToContainTextAsync("Lund");
    }

    [Fact]
    public async Task WorkingHoursWithABreakAndDaysOffAreSavedAsTheTherapistsSpans()
    {
        var (setup, clinicId) = await CreateOnHomePageAsync($"Breaks PT {Suffix()}");
        await setup.Locator("#add-therapist").ClickAsync();
        var therapist = setup.Locator("fieldset.therapist-setup").Last;
        await therapist.Locator("input[name=displayName]").FillAsync("Bea K.");
        await therapist.Locator("input[name=ownHours]").CheckAsync();
        foreach (var off in new[] { "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            await therapist.Locator($"tr[data-day={off}] input[name=works]").UncheckAsync();
        }

        var monday = therapist.Locator("tr[data-day=Monday]");
        await monday.Locator("input[name=start]").FillAsync("08:00");
        await monday.Locator("input[name=end]").FillAsync("16:00");
        await monday.GetByRole(AriaRole.Button, new() { Name = "+ break" }).ClickAsync();
        await monday.Locator("input[name=break-from]").FillAsync("12:00");
        await monday.Locator("input[name=break-to]").FillAsync("13:00");
        await therapist.Locator("input[type=date]").FillAsync("2031-05-02");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Add date" }).ClickAsync();

        await SaveAsync(setup, "Saved at");

        var saved = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}", Ct))!["therapists"]![0]!;
        Assert.Equal("""[{"day":"Monday","start":"08:00:00","end":"12:00:00"},{"day":"Monday","start":"13:00:00","end":"16:00:00"}]""",
            saved["workingHours"]!.ToJsonString());
        Assert.Equal("""["2031-05-02"]""", saved["timeOff"]!.ToJsonString());

        await setup.ReloadAsync();
        var again = setup.Locator("fieldset.therapist-setup tr[data-day=Monday]");
        await Assertions.Expect(again.Locator("input[name=break-from]")).ToHaveValueAsync("12:00", new() { Timeout = 30_000 });
        await Assertions.Expect(again.Locator("input[name=break-to]")).ToHaveValueAsync("13:00");
        await Assertions.Expect(setup.Locator("fieldset.therapist-setup tr[data-day=Tuesday] input[name=works]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(setup.Locator("fieldset.therapist-setup .date-list")).ToContainTextAsync("2031-05-02");
    }

    [Fact]
    public async Task AManagerSetsUpTheirClinicAndEveryWrongValueIsShownBesideItsPart()
    {
        var clinic = await Api.ApiClinic.CreateAsync(fixture.Node.Http);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        var page = await fixture.NewAnonymousPageAsync(1440, 1000);
        await page.Context.AddCookiesAsync(manager.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, $"/settings/{clinic.Id}").ToString());
        await Assertions.Expect(page.Locator("#settings input[name=name]").First).ToHaveValueAsync("API test clinic", new() { Timeout = 30_000 });

        await page.Locator("#settings input[name=name]").First.FillAsync("");
        await page.Locator("input[name=waitingMinutes]").FillAsync("0");
        await page.Locator("input[name=noShowGraceMinutes]").FillAsync("300");
        await page.Locator("input[name=lateCancelHours]").FillAsync("200");
        await page.Locator("tr[data-visit-type] input[name=defaultMinutes]").First.FillAsync("2");
        await SaveAsync(page, "Not saved: 5 problems");

        await Assertions.Expect(page.Locator("[data-errors=name]")).ToHaveTextAsync("A clinic needs a name of 1 to 200 characters.");
        await Assertions.Expect(page.Locator("[data-errors=alerts]")).ToHaveTextAsync("Alert thresholds must be whole minutes of at least 1.");
        await Assertions.Expect(page.Locator("[data-errors=noShowGraceMinutes]")).ToHaveTextAsync("The no-show grace is 0 to 240 minutes after the start (was 300).");
        await Assertions.Expect(page.Locator("[data-errors=lateCancelHours]")).ToHaveTextAsync("A late cancel is one within 0 to 168 hours of the visit (was 200).");
        await Assertions.Expect(page.Locator("[data-errors=visitTypes]")).ToHaveTextAsync("Visit type 'initial-evaluation' must last 5 to 480 minutes (was 2).");
        await Assertions.Expect(page.Locator("#settings input[name=name]").First).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("API test clinic", (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}", Ct))!["name"]!.GetValue<string>());

        await page.Locator("#settings input[name=name]").First.FillAsync("Managed clinic");
        await page.Locator("input[name=waitingMinutes]").FillAsync("12");
        await page.Locator("input[name=noShowGraceMinutes]").FillAsync("30");
        await page.Locator("input[name=lateCancelHours]").FillAsync("48");
        await page.Locator("tr[data-visit-type] input[name=defaultMinutes]").First.FillAsync("75");
        await page.Locator("select[name=lobbyNaming]").SelectOptionAsync("ticket");
        await page.Locator("tr[data-room] input[name=outOfService]").First.CheckAsync();
        await SaveAsync(page, "Saved at");

        var config = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}", Ct))!;
        Assert.Equal(("Managed clinic", 12, 30, 48, 75, "ticket", true), (config["name"]!.GetValue<string>(), config["alerts"]!["waitingMinutes"]!.GetValue<int>(),
            config["noShowGraceMinutes"]!.GetValue<int>(), config["lateCancelHours"]!.GetValue<int>(), config["visitTypes"]![0]!["defaultMinutes"]!.GetValue<int>(),
            config["lobbyNaming"]!.GetValue<string>(), config["rooms"]![0]!["outOfService"]!.GetValue<bool>()));
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=settings]")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=admin]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AFrontDeskUserIsToldTheSetupIsForManagersAndTheirNavigationHasNoSetup()
    {
        var clinic = await Api.ApiClinic.CreateAsync(fixture.Node.Http);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var page = await fixture.NewAnonymousPageAsync(1280, 800);
        await page.Context.AddCookiesAsync(desk.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));

        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, $"/settings/{clinic.Id}").ToString());

        await Assertions.Expect(page.Locator("#settings")).ToContainTextAsync("Only a clinic's managers and administrators", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=board]")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=settings]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=manager]")).ToHaveCountAsync(0);
    }
}
