using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The one navigation of the staff pages: per role, a clinic switcher, sign-out, and small on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NavigationScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private async Task<IPage> OpenAsAsync(Infrastructure.StaffClient user, string path, int width = 1280, int height = 800)
    {
        var page = await fixture.NewAnonymousPageAsync(width, height);
        await page.Context.AddCookiesAsync(user.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, path).ToString());
        return page;
    }

    [Fact]
    public async Task AManagerOfTwoClinicsSeesTheirScreensSwitchesClinicAndSignsOut()
    {
        var first = await ApiClinic.CreateAsync(fixture.Node.Http);
        var second = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [first.Id, second.Id]);
        var page = await OpenAsAsync(manager, $"/settings/{first.Id}");

        var nav = page.Locator("#site-nav nav");
        await Assertions.Expect(nav.Locator("#who")).ToContainTextAsync("Test Manager · Manager", new() { Timeout = 30_000 });
        await Assertions.Expect(nav.Locator(".nav-links a")).ToHaveTextAsync(["Board", "Schedule", "Patients", "Manager", "Trends", "Worklists", "Messages", "Setup", "Audit log", "Supplies", "Equipment", "Injury log", "Staff", "Referrals", "Billing codes", "Lobby", "All clinics"]);
        await Assertions.Expect(nav.Locator($"a[data-screen=board]")).ToHaveAttributeAsync("href", $"/board/{first.Id}");
        await Assertions.Expect(nav.Locator("#nav-clinic option")).ToHaveCountAsync(2);

        await nav.Locator("#nav-clinic").SelectOptionAsync(second.Id);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Node.BaseAddress, $"/settings/{second.Id}").ToString(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=board]")).ToHaveAttributeAsync("href", $"/board/{second.Id}", new() { Timeout = 30_000 });

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#site-nav")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ATherapistsNavigationOffersTheirDayAndNoDeskOrManagerScreens()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var therapist = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");

        var page = await OpenAsAsync(therapist, $"/settings/{clinic.Id}");

        await Assertions.Expect(page.Locator("#site-nav .nav-links a")).ToHaveTextAsync(["My day", "Staff", "Lobby"], new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#site-nav #nav-clinic")).ToHaveTextAsync("API test clinic");
    }

    [Fact]
    public async Task OnAPhoneTheNavigationIsOneShortStickyRow()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var page = await fixture.OpenAsync($"/settings/{clinic.Id}", 390, 844);
        var nav = page.Locator("#site-nav");
        await Assertions.Expect(nav.Locator("#who")).ToBeVisibleAsync(Patiently);

        var top = await nav.BoundingBoxAsync();
        await page.Mouse.WheelAsync(0, 2000);
        await page.WaitForFunctionAsync("() => window.scrollY > 500");
        var scrolled = await nav.BoundingBoxAsync();

        Assert.True(top!.Height <= 844 * 0.10, $"the navigation is {top.Height} px high on a 844 px phone");
        Assert.Equal(0, scrolled!.Y, 1);
        await Assertions.Expect(nav.Locator("#sign-out")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "settings-phone.png") });
    }

    [Fact]
    public async Task TheHomePageShowsTheNavigationAndTheSignInPageDoesNot()
    {
        var home = await fixture.OpenAsync("/", 1280, 800);
        await Assertions.Expect(home.Locator("#site-nav #who")).ToContainTextAsync("Administrator", new() { Timeout = 30_000 });
        await Assertions.Expect(home.Locator("#site-nav a[data-screen=admin]")).ToBeVisibleAsync();
        await Assertions.Expect(home.Locator("#site-nav .nav-home")).ToHaveAttributeAsync("aria-current", "page");

        var login = await fixture.NewAnonymousPageAsync(1280, 800);
        await login.GotoAsync(new Uri(fixture.Node.BaseAddress, "/login.html").ToString());
        await Assertions.Expect(login.Locator("#sign-in")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(login.Locator("nav")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/login\.html$")]
    private static partial Regex LoginPage();
}
