using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>Signing in through the page, and a wall display paired and unpaired, in a real headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignInScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task ABoardOpenedWithoutASessionAsksForSignInAndComesBackToTheBoard()
    {
        var page = await fixture.NewAnonymousPageAsync(1366, 900);
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, "/board/demo").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage(), new() { Timeout = 30_000 });

        await page.FillAsync("#user-name", "admin");
        await page.FillAsync("#password", "wrong password entirely");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("Wrong user name or password");
        await page.FillAsync("#password", AppNode.AdminPassword);
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page).ToHaveURLAsync(BoardPage(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("article.visit").First).ToBeVisibleAsync(Patiently);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SigningInNeverLeavesForAnotherSite(string target)
    {
        var page = await fixture.NewAnonymousPageAsync(1280, 800);
        await page.RouteAsync("**/*", route => new Uri(route.Request.Url).Host == "evil.example" ? route.AbortAsync() : route.ContinueAsync());
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, $"/login.html?return={target}").ToString());

        await page.FillAsync("#user-name", "admin");
        await page.FillAsync("#password", AppNode.AdminPassword);
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("Administrator", new() { Timeout = 30_000 });
        Assert.Equal(fixture.Node.BaseAddress.Authority, new Uri(page.Url).Authority);
    }

    [Fact]
    public async Task APairedDisplayKeepsItsTokenOutOfTheAddressBarAndGoesBlankWhenRevoked()
    {
        var page = await fixture.NewAnonymousPageAsync();
        var (displayId, pairUrl) = await fixture.PairDisplayAsync("demo");
        await page.GotoAsync(pairUrl);
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("section.therapist").First).ToBeVisibleAsync(Patiently);
        Assert.DoesNotContain("display=", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("pthd.", page.Url, StringComparison.Ordinal);

        var revoked = await fixture.Node.Http.DeleteAsync($"/api/clinics/demo/displays/{displayId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await Assertions.Expect(page.Locator(".not-updating")).ToContainTextAsync("not paired", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("section.therapist")).ToHaveCountAsync(0);
        Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATherapistSignsInSeesWhoIsWaitingForThemAndStartsTheTreatment()
    {
        // A clinic of its own, so the demo clinic that other browser tests read stays as seeded.
        var clinic = await Api.ApiClinic.CreateAsync(fixture.Node.Http);
        using var therapist = await fixture.Node.SignInAsNewAsync(PtHub.Grains.Contracts.StaffRole.Therapist, [clinic.Id], "ann");
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Wendy", "Waiting"), "ann");
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "check-in")).EnsureSuccessStatusCode();
        var page = await fixture.NewAnonymousPageAsync(1280, 900);
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, "/login.html").ToString());
        await page.FillAsync("#user-name", therapist.UserName);
        await page.FillAsync("#password", therapist.Password);
        await page.ClickAsync("button[type=submit]");

        await page.ClickAsync($"a[href='/therapist/{clinic.Id}']");
        var waiting = page.Locator($"#waiting li[data-visit='{visitId}']");
        await Assertions.Expect(waiting).ToContainTextAsync("Waiting, Wendy", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator($"a[href='/board/{clinic.Id}']")).ToHaveCountAsync(0);
        await waiting.Locator("select").SelectOptionAsync("gym");

        // The desk checks in another of Ann's patients: it shows at once (pushed, no reload), and the room Ann was
        // choosing stays chosen. Bob's patient never reaches her screen.
        var next = await clinic.BookAsync(await clinic.AddPatientAsync("Nora", "Next"), "ann");
        var bobs = await clinic.BookAsync(await clinic.AddPatientAsync("Otto", "Other"), "bob");
        (await clinic.CommandAsync(bobs, "arrive")).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(next, "arrive")).EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator($"#waiting li[data-visit='{next}']")).ToContainTextAsync("Next, Nora", new() { Timeout = 30_000 });
        Assert.Equal("gym", await waiting.Locator("select").InputValueAsync());
        await Assertions.Expect(page.GetByText("Other, Otto")).ToHaveCountAsync(0);
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        var treating = page.Locator($"#treating li[data-visit='{visitId}']");
        await Assertions.Expect(treating).ToContainTextAsync("Gym", new() { Timeout = 30_000 });
        Assert.Equal("in-treatment", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "therapist.png") });
    }

    [GeneratedRegex(@"/login\.html\?return=%2Fboard%2Fdemo$")]
    private static partial Regex LoginPage();

    [GeneratedRegex(@"/board/demo$")]
    private static partial Regex BoardPage();
}
