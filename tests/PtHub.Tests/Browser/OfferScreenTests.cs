using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Communication;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>
/// The desk taps "Offer to waitlist" on the board's opening; a waiting patient opens the offer e-mail's link (received by
/// the test's SMTP server) in a browser with no session and accepts; the desk's board shows who took it without reloading,
/// and the second patient offered is told the slot was taken.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private async Task<IPage> PageAsync(StaffClient? user, Uri baseAddress, string url)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        if (user is not null)
        {
            await context.AddCookiesAsync(user.Cookies.GetCookies(baseAddress)
                .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = baseAddress.ToString() }));
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    private static string LinkTo(CommsNode comms, string address) =>
        System.Text.RegularExpressions.Regex.Match(comms.Smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == address).TextBody ?? "", @"http://\S+/offer#\S+").Value;

    [Fact]
    public async Task TheDeskOffersFromTheBoardAPatientAcceptsAndTheBoardShowsItTaken()
    {
        await using var comms = await CommsNode.StartWithLinksAsync(now: OfferScene.Tomorrow());
        var scene = await OfferScene.CreateAsync(comms, waveSize: 2, waveMinutes: 15, stopBeforeMinutes: 30, startInMinutes: 180);
        await scene.WaitingAsync("Rita", "Moreno", 1);
        await scene.WaitingAsync("Ben", "Late", 2);
        using var desk = await comms.Node.SignInAsNewAsync(StaffRole.FrontDesk, [scene.Clinic.Id]);
        var board = await PageAsync(desk, comms.Node.BaseAddress, new Uri(comms.Node.BaseAddress, $"/board/{scene.Clinic.Id}").ToString());
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var opening = board.Locator($"article[data-opening='{scene.OpeningId}']");
        await Assertions.Expect(opening).ToBeVisibleAsync(Patiently);
        await board.EvaluateAsync("() => { window.__sameDocument = true; }");

        await opening.Locator("button[data-offer='start']").ClickAsync();
        await Assertions.Expect(opening.Locator(".offer-state")).ToHaveTextAsync("Offered to 2 · waiting", new() { Timeout = 30_000 });
        await Assertions.Expect(opening.Locator("button[data-offer='stop']")).ToBeVisibleAsync(Patiently);

        await comms.Sender.DrainOnceAsync(TestContext.Current.CancellationToken);
        var ritaLink = LinkTo(comms, "rita@example.test");
        var benLink = LinkTo(comms, "ben@example.test");
        Assert.Equal(new Uri(comms.Node.BaseAddress, "/offer").ToString(), ritaLink[..ritaLink.IndexOf('#', StringComparison.Ordinal)]);

        var patient = await PageAsync(null, comms.Node.BaseAddress, ritaLink);
        var local = TimeZoneInfo.ConvertTime(scene.Start, OfferScene.NewYork);
        await Assertions.Expect(patient.Locator("#clinic")).ToHaveTextAsync("API test clinic", new() { Timeout = 30_000 });
        await Assertions.Expect(patient.Locator("#when")).ToContainTextAsync(local.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(patient.Locator("#with")).ToContainTextAsync("Ann P., PT");
        await Assertions.Expect(patient.Locator("body")).Not.ToContainTextAsync("Moreno");
        await patient.Locator("#accept").ClickAsync();
        await Assertions.Expect(patient.Locator(".link-state .chip")).ToHaveTextAsync("It's yours", new() { Timeout = 30_000 });
        await Assertions.Expect(patient.Locator("#accept")).ToHaveCountAsync(0);

        await Assertions.Expect(opening.Locator(".offer-state")).ToHaveTextAsync("Accepted by Moreno, Rita", new() { Timeout = 30_000 });
        var booked = Assert.Single(await scene.VisitsInSlotAsync());
        await Assertions.Expect(board.Locator($"article[data-visit='{booked["visitId"]!.GetValue<string>()}']")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(opening.Locator("button[data-offer]")).ToHaveCountAsync(0);
        Assert.True(await board.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await board.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "offer-board-accepted.png") });
        await patient.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "offer-accepted.png") });

        var late = await PageAsync(null, comms.Node.BaseAddress, benLink);
        await Assertions.Expect(late.Locator("#offer-result")).ToContainTextAsync("Sorry, this slot was taken", new() { Timeout = 30_000 });
        await Assertions.Expect(late.Locator("#accept")).ToHaveCountAsync(0);
        await late.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "offer-taken.png") });
    }
}
