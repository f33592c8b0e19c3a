using System.Net.Http.Json;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Communication;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>
/// A patient opens the link of the reminder e-mail that the test's SMTP server received, in a browser with no
/// session, and confirms or picks another time; the front desk's board, open in another browser, follows live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitLinkScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>A node whose clinic clock reads 09:00 tomorrow in New York, with a visit at noon and its 2-hour reminder sent at 10:00.</summary>
    private static async Task<(CommsNode Comms, ApiClinic Clinic, string VisitId, string Link)> RemindedVisitAsync()
    {
        // Tomorrow in New York, so the clinic clock starts ahead of the real one whatever the hour the test runs at
        // (a clock moved back before the real time would outdate the sessions signed in at start).
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime).AddDays(1);
        DateTimeOffset At(int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), NewYork.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0))));
        var comms = await CommsNode.StartWithLinksAsync(now: At(9));
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "rita@example.test");
        var visit = await comms.BookAsync(clinic, patient, At(12));
        var token = await comms.SendFirstReminderAsync(clinic, visit);
        var mail = comms.Smtp.Messages.Last().TextBody ?? "";
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"http://\S+/visit#\S+").Value;
        Assert.EndsWith(token, link, StringComparison.Ordinal);
        Assert.Equal(new Uri(comms.Node.BaseAddress, "/visit").ToString(), link[..link.IndexOf('#', StringComparison.Ordinal)]);
        return (comms, clinic, visit, link);
    }

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

    [Fact]
    public async Task APatientConfirmsFromTheEmailAndTheDesksBoardShowsItWithoutReloading()
    {
        var (comms, clinic, visitId, link) = await RemindedVisitAsync();
        await using var _ = comms;
        using var desk = await comms.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var board = await PageAsync(desk, comms.Node.BaseAddress, new Uri(comms.Node.BaseAddress, $"/board/{clinic.Id}").ToString());
        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var row = board.Locator($"article[data-visit='{visitId}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(row.Locator(".confirmed-mark")).ToHaveCountAsync(0);
        await board.EvaluateAsync("() => { window.__sameDocument = true; }");

        var patient = await PageAsync(null, comms.Node.BaseAddress, link);
        await Assertions.Expect(patient.Locator("#clinic")).ToHaveTextAsync("API test clinic", new() { Timeout = 30_000 });
        await Assertions.Expect(patient.Locator("#when")).ToContainTextAsync("12:00 PM");
        await Assertions.Expect(patient.Locator("#with")).ToContainTextAsync("Ann P., PT");
        await Assertions.Expect(patient.Locator("body")).Not.ToContainTextAsync("Moreno");
        await patient.Locator("#confirm").ClickAsync();
        await Assertions.Expect(patient.Locator("#message")).ToContainTextAsync("your appointment is confirmed", new() { Timeout = 30_000 });
        await Assertions.Expect(patient.Locator(".link-state .chip")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(patient.Locator("#link-closed")).ToContainTextAsync("already used");

        await Assertions.Expect(row.Locator(".confirmed-mark")).ToContainTextAsync("Confirmed", new() { Timeout = 30_000 });
        Assert.True(await board.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await board.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "visit-link-board-confirmed.png") });
        await patient.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "visit-link-confirmed.png") });

        // Opened again, the link says it was used and offers nothing.
        var again = await PageAsync(null, comms.Node.BaseAddress, link);
        await Assertions.Expect(again.Locator("#link-closed")).ToContainTextAsync("already used", new() { Timeout = 30_000 });
        await Assertions.Expect(again.Locator("#confirm")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task APatientStopsAllMessagesFromTheEmailsUnsubscribeLink()
    {
        var (comms, clinic, _, _) = await RemindedVisitAsync();
        await using var _ = comms;
        var link = System.Text.RegularExpressions.Regex.Match(comms.Smtp.Messages.Last().TextBody ?? "", @"http://\S+/unsubscribe#\S+").Value;
        Assert.Equal(new Uri(comms.Node.BaseAddress, "/unsubscribe").ToString(), link[..link.IndexOf('#', StringComparison.Ordinal)]);

        var page = await PageAsync(null, comms.Node.BaseAddress, link);
        await page.Locator("#stop").ClickAsync(new() { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("You will get no more messages from API test clinic", new() { Timeout = 30_000 });
        var patientId = (await comms.MessagesAsync(clinic.Id)).First().PatientId;
        Assert.True((await comms.Node.Http.GetFromJsonAsync<ContactPreferences>($"/api/clinics/{clinic.Id}/patients/{patientId}/contact-preferences",
            TestContext.Current.CancellationToken))!.OptedOut);
    }

    [Fact]
    public async Task APatientPicksAnotherTimeWithTheSameTherapistAndATamperedLinkShowsNothing()
    {
        var (comms, clinic, visitId, link) = await RemindedVisitAsync();
        await using var _ = comms;
        var tampered = await PageAsync(null, comms.Node.BaseAddress, link[..^6] + (link[^6] == 'A' ? "B" : "A") + link[^5..]);
        await Assertions.Expect(tampered.Locator("#message")).ToContainTextAsync("This link is not valid", new() { Timeout = 30_000 });
        await Assertions.Expect(tampered.Locator("#appointment button")).ToHaveCountAsync(0);

        var patient = await PageAsync(null, comms.Node.BaseAddress, link);
        await patient.Locator("#reschedule").ClickAsync(new() { Timeout = 30_000 });
        var slot = patient.Locator(".link-slots button").Nth(2);
        await Assertions.Expect(slot).ToBeVisibleAsync(Patiently);
        var start = DateTimeOffset.Parse(await slot.GetAttributeAsync("data-start") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var label = await slot.TextContentAsync();
        await slot.ClickAsync();

        await Assertions.Expect(patient.Locator("#message")).ToContainTextAsync("Your appointment is now on", new() { Timeout = 30_000 });
        // The slot read "Thursday, December 10, 9:15 AM"; the appointment now reads "Thursday, December 10 at 9:15 AM".
        var cut = label!.LastIndexOf(", ", StringComparison.Ordinal);
        await Assertions.Expect(patient.Locator("#when")).ToHaveTextAsync($"{label[..cut]} at {label[(cut + 2)..]}");
        var visit = (await clinic.VisitAsync(visitId))["visit"]!;
        Assert.Equal((start, "ann"), (visit["scheduledStart"]!.GetValue<DateTimeOffset>(), visit["therapistId"]!.GetValue<string>()));
        var local = TimeZoneInfo.ConvertTime(start, NewYork);
        await Assertions.Expect(patient.Locator("#when")).ToContainTextAsync(local.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture));
        await patient.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "visit-link-rescheduled.png") });
    }
}
