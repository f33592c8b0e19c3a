using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Patients;

namespace PtHub.Tests.Browser;

/// <summary>The patients screen and the board's walk-in, used as a receptionist would: signed in as front desk.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private async Task<IPage> OpenAsReceptionistAsync(string clinicId, string path)
    {
        var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinicId]);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.AddCookiesAsync(desk.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, path).ToString());
        return page;
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });

    [Fact]
    public async Task AReceptionistFindsAPatientByAPartialDifferentlyCasedNameAndOpensIt()
    {
        var clinic = await PatientClinic.CreateAsync(fixture.Node.Http);
        var jose = await clinic.AddAsync("José", "Smith", "1980-01-02", "555-123-4567");
        await clinic.AddAsync("Josefina", "Smithson", "1981-02-03");
        var page = await OpenAsReceptionistAsync(clinic.Clinic.Id, $"/patients/{clinic.Clinic.Id}");
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=patients]")).ToHaveAttributeAsync("aria-current", "page", new() { Timeout = 30_000 });

        await page.Locator("#q").PressSequentiallyAsync("SMI jo");

        var results = page.Locator("#results li");
        await Assertions.Expect(results).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(results.First).ToContainTextAsync("Smith, José");
        await Assertions.Expect(results.First).ToContainTextAsync("…4567");
        await Assertions.Expect(results.First).Not.ToContainTextAsync("555-123");
        await ShotAsync(page, "patients-search");

        await page.Locator("#q").PressAsync("ArrowDown");
        await Assertions.Expect(results.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Locator("#q").PressAsync("ArrowUp");
        await page.Locator("#q").PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Node.BaseAddress, $"/patients/{clinic.Clinic.Id}/{jose}").ToString(), new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task RegisteringSomebodyKnownOffersTheKnownRecord()
    {
        var clinic = await PatientClinic.CreateAsync(fixture.Node.Http);
        var known = await clinic.AddAsync("Maria", "Okafor", "1975-06-07");
        var page = await OpenAsReceptionistAsync(clinic.Clinic.Id, $"/patients/{clinic.Clinic.Id}");
        var form = page.Locator("#register");
        await Assertions.Expect(form).ToBeVisibleAsync(Patiently);

        await form.Locator("input[name=firstName]").FillAsync("maria");
        await form.Locator("input[name=lastName]").FillAsync("OKAFOR");
        await form.Locator("input[name=birthDate]").FillAsync("1975-06-07");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var offer = page.GetByRole(AriaRole.Link, new() { Name = "Open Okafor, Maria" });
        await Assertions.Expect(offer).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(offer).ToHaveAttributeAsync("href", $"/patients/{clinic.Clinic.Id}/{known}");
        await ShotAsync(page, "patients-known");
        Assert.Single(await clinic.SearchAsync("okafor"));

        await page.Locator("#confirm-new").ClickAsync();

        await Assertions.Expect(page.Locator(".registered")).ToContainTextAsync("OKAFOR, maria", new() { Timeout = 30_000 });
        Assert.Equal(2, (await clinic.SearchAsync("okafor")).Length);
    }

    [Fact]
    public async Task AWalkInOfAKnownPatientOnTheBoardReusesTheRecord()
    {
        var clinic = await PatientClinic.CreateAsync(fixture.Node.Http);
        var known = await clinic.AddAsync("Omar", "Reyes", "1990-04-05");
        var page = await OpenAsReceptionistAsync(clinic.Clinic.Id, $"/board/{clinic.Clinic.Id}");
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

        await page.Locator("#walk-in").ClickAsync();
        var dialog = page.Locator("#ask");
        await dialog.Locator("input[name=firstName]").FillAsync("Omar");
        await dialog.Locator("input[name=lastName]").FillAsync("reyes");
        await dialog.Locator("input[name=birthDate]").FillAsync("1990-04-05");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add walk-in" }).ClickAsync();
        var use = dialog.Locator($"button[data-patient='{known}']");
        await Assertions.Expect(use).ToBeVisibleAsync(Patiently);
        await ShotAsync(page, "board-walk-in-known");
        await use.ClickAsync();

        await Assertions.Expect(page.Locator("#board a.patient", new() { HasText = "Reyes, Omar" })).ToBeVisibleAsync(Patiently);
        var rows = (await clinic.Clinic.BoardAsync())["rows"]!.AsArray();
        Assert.Equal(known, rows.Single()!["patientId"]!.GetValue<string>());
        Assert.True(rows[0]!["walkIn"]!.GetValue<bool>());
        Assert.Single(await clinic.SearchAsync("reyes"));
    }
}
