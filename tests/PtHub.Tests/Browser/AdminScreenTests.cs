using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The administration page worked in the browser: staff accounts (create, reset, disable) and lobby displays (pair, revoke).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> SignInStatusAsync(string userName, string password)
    {
        using var http = new HttpClient { BaseAddress = fixture.Node.BaseAddress };
        using var response = await http.PostAsJsonAsync("/api/account/sign-in", new { userName, password }, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task AnAdministratorCreatesAnAccountResetsItsPasswordAndDisablesIt()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var userName = $"desk-{Guid.NewGuid():N}"[..16];
        var page = await fixture.OpenAsync("/admin.html", 1440, 900);
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=admin]")).ToHaveAttributeAsync("aria-current", "page", new() { Timeout = 30_000 });

        var form = page.Locator("#new-user");
        await form.Locator("input[name=userName]").FillAsync(userName);
        await form.Locator("input[name=displayName]").FillAsync("Dora Desk");
        await form.Locator("select[name=role]").SelectOptionAsync("FrontDesk");
        await form.Locator("input[name=clinicIds]").FillAsync(clinic.Id);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Created {userName}.", new() { Timeout = 30_000 });
        var first = await page.Locator("#notice code").TextContentAsync();
        var row = page.Locator("#users tr", new() { HasText = userName });
        await Assertions.Expect(row).ToContainTextAsync("FrontDesk");
        await Assertions.Expect(row).ToContainTextAsync(clinic.Id);
        await Assertions.Expect(row).ToContainTextAsync("active");
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(userName, first!));

        await row.GetByRole(AriaRole.Button, new() { Name = "New password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"New password for {userName}", new() { Timeout = 30_000 });
        var second = await page.Locator("#notice code").TextContentAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(userName, first!));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(userName, second!));

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("disabled", new() { Timeout = 30_000 });
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToBeVisibleAsync(Patiently);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(userName, second!));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "admin.png") });
    }

    [Fact]
    public async Task AnAdministratorPairsALobbyDisplayThatShowsTheLobbyThenRevokesItAndItGoesBlank()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var page = await fixture.OpenAsync("/admin.html", 1440, 900);
        await Assertions.Expect(page.Locator($"#display-clinic option[value='{clinic.Id}']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.Locator("#display-clinic").SelectOptionAsync(clinic.Id);
        await Assertions.Expect(page.Locator("#displays tr")).ToHaveCountAsync(0);

        var form = page.Locator("#new-display");
        await form.Locator("input[name=name]").FillAsync("Waiting room TV");
        await form.GetByRole(AriaRole.Button, new() { Name = "Pair a display" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice code.pair-link")).ToBeVisibleAsync(Patiently);
        var link = await page.Locator("#notice code.pair-link").TextContentAsync();
        var row = page.Locator("#displays tr", new() { HasText = "Waiting room TV" });
        await Assertions.Expect(row).ToContainTextAsync("active");
        await Assertions.Expect(row).ToContainTextAsync("by admin");

        var wall = await fixture.NewAnonymousPageAsync();
        await wall.GotoAsync(link!);
        await Assertions.Expect(wall.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(wall.Locator("#clinic-name")).ToHaveTextAsync("API test clinic");

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Waiting room TV is revoked", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("revoked");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToHaveCountAsync(0);
        await Assertions.Expect(wall.Locator(".not-updating")).ToContainTextAsync("not paired", new() { Timeout = 30_000 });
        await Assertions.Expect(wall.Locator("section.therapist")).ToHaveCountAsync(0);
    }
}
