using System.Net.Http.Json;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Browser;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Communication;

/// <summary>Staff see the outbox: the manager's clinic-wide queue and the messages part of a patient's profile.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveCountOptions Patiently = new() { Timeout = 30_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IPage> OpenAsAsync(StaffClient user, string path)
    {
        var page = await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        })).NewPageAsync();
        await page.Context.AddCookiesAsync(user.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, path).ToString());
        return page;
    }

    [Fact]
    public async Task AManagerSeesTheClinicsQueuedRemindersAndTheDeskSeesThemOnTheProfile()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Quinn", "Queue");
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(4).AddHours(15), TimeSpan.Zero);
        (await fixture.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits",
            new { patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = start, overrideReason = "test" }, Ct)).EnsureSuccessStatusCode();
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        var queue = await OpenAsAsync(manager, $"/messages/{clinic.Id}");
        await Assertions.Expect(queue.Locator("#queue tbody tr[data-status=Pending]")).ToHaveCountAsync(2, Patiently);
        await Assertions.Expect(queue.Locator("#queue-summary")).ToContainTextAsync("2 queued");
        await Assertions.Expect(queue.Locator($"#queue a[href='/patients/{clinic.Id}/{patientId}']")).ToHaveCountAsync(2);
        await queue.Locator("#messaging-form textarea[name=body]").FillAsync("See you at {clinic}, {date} {time}. Your {diagnosis}");
        await queue.Locator("#messaging-form button[type=submit]").ClickAsync();
        await Assertions.Expect(queue.Locator("#messaging-result")).ToContainTextAsync("Unknown merge field {diagnosis}", new() { Timeout = 30_000 });
        await queue.Locator("#messaging-form textarea[name=body]").FillAsync("See you at {clinic}, {date} {time}.");
        await queue.Locator("#messaging-form input[name=leads]").FillAsync("24");
        await queue.Locator("#messaging-form button[type=submit]").ClickAsync();
        await Assertions.Expect(queue.Locator("#messaging-result")).ToContainTextAsync("Saved", new() { Timeout = 30_000 });
        Assert.Equal("See you at {clinic}, {date} {time}.",
            (await fixture.Node.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/clinics/{clinic.Id}/messaging", Ct))!["templates"]![0]!["body"]!.GetValue<string>());

        var profile = await OpenAsAsync(desk, $"/patients/{clinic.Id}/{patientId}");
        await Assertions.Expect(profile.Locator("#patient-messages tbody tr")).ToHaveCountAsync(2, Patiently);
        await profile.Locator("#contact-form input[name=optedOut]").CheckAsync();
        await profile.Locator("#contact-form button[type=submit]").ClickAsync();
        // The confirmation, not the checkbox label ("Opted out of all messages"), which is there before the save answers.
        await Assertions.Expect(profile.Locator("#messages")).ToContainTextAsync("Opted out: nothing more is sent", new() { Timeout = 30_000 });
        var saved = await fixture.Node.Http.GetFromJsonAsync<ContactPreferences>($"/api/clinics/{clinic.Id}/patients/{patientId}/contact-preferences", Ct);
        Assert.True(saved!.OptedOut);
    }

    [Fact]
    public async Task AManagerTurnsWaitlistOffersOnAndAWrongWaveSizeIsNamed()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        var page = await OpenAsAsync(manager, $"/messages/{clinic.Id}");
        var form = page.Locator("#messaging-form");
        await Assertions.Expect(form.Locator("input[name=offersEnabled]")).Not.ToBeCheckedAsync(new() { Timeout = 30_000 });

        await form.Locator("input[name=offersEnabled]").CheckAsync();
        await form.Locator("input[name=waveSize]").FillAsync("0");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#messaging-result")).ToContainTextAsync("offers.waveSize", new() { Timeout = 30_000 });
        var unchanged = (await fixture.Node.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/clinics/{clinic.Id}/messaging", Ct))!;
        Assert.False(unchanged["offers"]!["enabled"]!.GetValue<bool>());

        await form.Locator("input[name=waveSize]").FillAsync("4");
        await form.Locator("input[name=waveMinutes]").FillAsync("20");
        await form.Locator("input[name=stopBeforeMinutes]").FillAsync("90");
        await form.Locator("textarea[name=offerBody]").FillAsync("A time at {clinic} on {date} at {time} with {therapist} is free.");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#messaging-result")).ToContainTextAsync("Saved", new() { Timeout = 30_000 });
        var saved = (await fixture.Node.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/clinics/{clinic.Id}/messaging", Ct))!;
        Assert.Equal((true, 4, 20, 90), (saved["offers"]!["enabled"]!.GetValue<bool>(), saved["offers"]!["waveSize"]!.GetValue<int>(),
            saved["offers"]!["waveMinutes"]!.GetValue<int>(), saved["offers"]!["stopBeforeMinutes"]!.GetValue<int>()));
        Assert.Equal("A time at {clinic} on {date} at {time} with {therapist} is free.", saved["offerTemplate"]!["body"]!.GetValue<string>());
    }
}
