using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Figures;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>
/// The patient profile as the front desk uses it: opened from the board, contact details changed, coverage entered and
/// verified while the board follows live, the waitlist; and what a manager may change that the desk may not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientProfileScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveTextOptions PatientlyText = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = 30_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a page as the user, in a browser of its own (or another tab of <paramref name="context"/>).</summary>
    private async Task<IPage> OpenAsAsync(StaffClient user, string path, IBrowserContext? context = null, string? browserTimeZone = null)
    {
        var page = context is not null ? await context.NewPageAsync()
            : await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, TimezoneId = browserTimeZone,
            })).NewPageAsync();
        if (context is null)
        {
            await page.Context.AddCookiesAsync(user.Cookies.GetCookies(fixture.Node.BaseAddress)
                .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        }

        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, path).ToString());
        return page;
    }

    private static ILocator Alert(IPage board, string visitId, string code) => board.Locator($"article[data-visit='{visitId}'] li.alert.{code}");

    [Fact]
    public async Task AReceptionistOpensTheProfileFromTheBoardAndChangesThePhoneTheServerRefusesABadOne()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Penny", "Phone");
        var visitId = await clinic.BookAsync(patientId);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var page = await OpenAsAsync(desk, $"/board/{clinic.Id}");

        await page.Locator($"article[data-visit='{visitId}'] a.patient").ClickAsync(new() { Timeout = 30_000 });

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Node.BaseAddress, $"/patients/{clinic.Id}/{patientId}").ToString(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#patient-name")).ToHaveTextAsync("Phone, Penny", PatientlyText);
        var phone = page.Locator("#details input[name=phone]");
        await Assertions.Expect(phone).ToHaveValueAsync("555-0142");

        await phone.FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator("#details [data-errors=phone]")).ToHaveTextAsync(
            "A phone number has 7 to 15 digits and at most 40 characters: digits, spaces, +, -, dots and brackets only.", PatientlyText);
        await Assertions.Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(phone).ToHaveValueAsync("12");
        var stored = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}", Ct))!;
        Assert.Equal("555-0142", stored["details"]!["phone"]!.GetValue<string>());

        await phone.FillAsync("555-0177");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-result=details]")).ToContainTextAsync("Saved at", PatientlyContains);
        await Assertions.Expect(page.Locator("#details [data-errors=phone]")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#details input[name=phone]")).ToHaveValueAsync("555-0177", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task CoverageEnteredAndVerifiedOnTheProfileClearsTheBoardsInsuranceAlertLive()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Ivy", "Insured");
        var visitId = await clinic.BookAsync(patientId);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var board = await OpenAsAsync(desk, $"/board/{clinic.Id}");
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(Alert(board, visitId, "no-insurance")).ToBeVisibleAsync(Patiently);
        await board.EvaluateAsync("() => { window.notReloaded = true; }");

        // The alert's own link, opened beside the board: the profile lands on its coverage form, ready to type.
        var href = await Alert(board, visitId, "no-insurance").Locator("a").GetAttributeAsync("href");
        Assert.Equal($"/patients/{clinic.Id}/{patientId}#coverage", href);
        var profile = await OpenAsAsync(desk, href!, board.Context);
        await Assertions.Expect(profile.Locator("#coverage input[name=payer]")).ToBeFocusedAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(profile.Locator("#coverage-state")).ToHaveTextAsync("No insurance on file", PatientlyText);

        await profile.Locator("#coverage input[name=payer]").FillAsync("Acme Health");
        await profile.Locator("#coverage input[name=memberId]").FillAsync("ACM-20931");
        await profile.Locator("#coverage input[name=copay]").FillAsync("25");
        await profile.Locator("#coverage select[name=billingMethod]").SelectOptionAsync("per_code");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save coverage" }).ClickAsync();
        await Assertions.Expect(profile.Locator("#coverage-state")).ToContainTextAsync("Not verified", PatientlyContains);
        await Assertions.Expect(Alert(board, visitId, "insurance-unverified")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(Alert(board, visitId, "no-insurance")).ToHaveCountAsync(0);

        await profile.GetByRole(AriaRole.Button, new() { Name = "✓ Record verified" }).ClickAsync();

        await Assertions.Expect(profile.Locator("#coverage-state")).ToContainTextAsync("Verified", PatientlyContains);
        await Assertions.Expect(board.Locator($"article[data-visit='{visitId}'] li.alert[class*=insurance]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var coverage = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/patients/{patientId}", Ct))!["coverage"]!;
        Assert.Equal(("verified", desk.UserName, "per_code", 25m), (coverage["verification"]!.GetValue<string>(), coverage["verifiedBy"]!.GetValue<string>(),
            coverage["billingMethod"]!.GetValue<string>(), coverage["copay"]!.GetValue<decimal>()));
        Assert.True(await board.EvaluateAsync<bool>("() => window.notReloaded === true"), "the board was reloaded");
    }

    [Fact]
    public async Task AReceptionistPutsThePatientOnTheWaitlistWithPreferencesAndTakesThemOff()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Wanda", "Waiting");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var page = await OpenAsAsync(desk, $"/patients/{clinic.Id}/{patientId}#waitlist");
        await Assertions.Expect(page.Locator("#waitlist-empty")).ToBeVisibleAsync(Patiently);

        var form = page.Locator("#waitlist-form");
        await form.Locator("select[name=therapistId]").SelectOptionAsync("ann");
        await form.Locator("input[name=earliest]").FillAsync("14:00");
        await form.Locator("input[name=latest]").FillAsync("12:00");
        await form.Locator("input[name=priority]").FillAsync("2");
        await form.Locator("input[name=days][value=Tuesday]").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to the waitlist" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-errors=latest]")).ToHaveTextAsync("latest is not before earliest.", PatientlyText);

        await form.Locator("input[name=latest]").FillAsync("17:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to the waitlist" }).ClickAsync();
        var entry = page.Locator("#waitlist li[data-entry]");
        await Assertions.Expect(entry).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(entry).ToContainTextAsync("with Ann P., PT · Tuesday · 14:00–17:00 · priority 2");
        var listed = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/waitlist", Ct))!
            .Where(e => e!["patientId"]!.GetValue<string>() == patientId).ToList();
        Assert.Equal(("ann", 2, "Tuesday"), (listed.Single()!["therapistId"]!.GetValue<string>(), listed.Single()!["priority"]!.GetValue<int>(),
            listed.Single()!["days"]!.AsArray().Single()!.GetValue<string>()));

        await entry.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();

        await Assertions.Expect(page.Locator("#waitlist-empty")).ToBeVisibleAsync(Patiently);
        Assert.DoesNotContain((await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/waitlist", Ct))!,
            e => e!["patientId"]!.GetValue<string>() == patientId);
    }

    [Fact]
    public async Task AManagerEntersAnAuthorizationAFrontDeskUserOnlyReadsIt()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Manny", "Authorized");
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var path = $"/patients/{clinic.Id}/{patientId}#authorizations";
        var today = ProfileScenario.Today;

        var managed = await OpenAsAsync(manager, path);
        var form = managed.Locator("#authorization-form");
        await Assertions.Expect(form).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(managed.Locator("#plan-form")).ToBeVisibleAsync();
        await form.Locator("input[name=from]").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("input[name=to]").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("input[name=visitsAuthorized]").FillAsync("12");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add authorization" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-errors=to]")).ToHaveTextAsync("from and to (yyyy-MM-dd) are required, to not before from.", PatientlyText);

        await form.Locator("input[name=to]").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Add authorization" }).ClickAsync();
        await Assertions.Expect(managed.Locator("#authorizations tr[data-authorization] [data-figure=visits-left]")).ToContainTextAsync("12 left", PatientlyContains);

        var read = await OpenAsAsync(desk, path);
        await Assertions.Expect(read.Locator("#authorizations tr[data-authorization] [data-figure=visits-left]")).ToContainTextAsync("12 left", PatientlyContains);
        await Assertions.Expect(read.Locator("#authorizations-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(read.Locator("#authorization-form")).ToHaveCountAsync(0);
        await Assertions.Expect(read.Locator("#plan-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheProfileShowsTheScenariosHandComputedFiguresInClinicTime()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var scenario = await ProfileScenario.PlayAsync(clinic, "Fig", "Ures");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var page = await OpenAsAsync(desk, $"/patients/{clinic.Id}/{scenario.PatientId}#visits", browserTimeZone: "Asia/Tokyo");

        await Assertions.Expect(page.Locator("#cancellations")).ToHaveTextAsync(ProfileScenario.Cancellations.ToString(CultureInfo.InvariantCulture), PatientlyText);
        await Assertions.Expect(page.Locator("#no-shows")).ToHaveTextAsync(ProfileScenario.NoShows.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-figure=visits-left]")).ToContainTextAsync($"{ProfileScenario.VisitsLeft} left");
        await Assertions.Expect(page.Locator("[data-figure=units-left]")).ToContainTextAsync($"{ProfileScenario.UnitsLeft} left");
        await Assertions.Expect(page.Locator("#kx-amount")).ToHaveTextAsync(ProfileScenario.MedicareAmount.ToString("C2", CultureInfo.GetCultureInfo("en-US")));
        await Assertions.Expect(page.Locator("#kx-threshold")).ToHaveTextAsync(
            ProfileScenario.KxThreshold(ProfileScenario.Today.Year).ToString("C2", CultureInfo.GetCultureInfo("en-US")));
        await Assertions.Expect(page.Locator("#kx-required")).ToContainTextAsync("Not needed");
        await Assertions.Expect(page.Locator("#upcoming-visits tr[data-visit]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#past-visits tr[data-visit='{scenario.NoShow}']")).ToContainTextAsync("No-show");
        await Assertions.Expect(page.Locator($"#past-visits tr[data-visit='{scenario.Cancelled}']")).ToContainTextAsync("Cancelled");

        // The upcoming visit's time is the clinic's (New York), whatever the browser's zone.
        var start = (await clinic.VisitAsync(scenario.Upcoming))["visit"]!["scheduledStart"]!.GetValue<DateTimeOffset>();
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var shown = page.Locator($"#upcoming-visits tr[data-visit='{scenario.Upcoming}'] td").First;
        await Assertions.Expect(shown).ToContainTextAsync(local.ToString("hh:mm", CultureInfo.InvariantCulture));
        await Assertions.Expect(shown).ToContainTextAsync(local.Hour < 12 ? "AM" : "PM");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "profile.png"), FullPage = true });
    }
}
