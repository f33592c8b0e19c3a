using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Communication;

namespace PtHub.Tests.Browser;

/// <summary>
/// A manager recalls a patient who dropped off their plan from the worklists screen; the patient opens the e-mail's link
/// in a browser with no session and books a time with their therapist; the worklist no longer lists them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecallScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task AManagerSendsARecallFromTheWorklistAndThePatientBooksFromTheEmail()
    {
        var (comms, clinic, patientId, _) = await RecallTests.DroppedOffAsync();
        await using var _ = comms;
        using var manager = await comms.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await context.AddCookiesAsync(manager.Cookies.GetCookies(comms.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = comms.Node.BaseAddress.ToString() }));
        var worklists = await context.NewPageAsync();
        await worklists.GotoAsync(new Uri(comms.Node.BaseAddress, $"/worklists/{clinic.Id}").ToString());
        var row = worklists.Locator($"#droppedOff tr[data-patient='{patientId}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Patiently);

        await row.Locator(".send-recall").ClickAsync();

        await Assertions.Expect(worklists.Locator("#said")).ToContainTextAsync("Recall sent to Rita Moreno", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator(".recall-sent")).ToContainTextAsync("(queued)");
        await row.Locator(".send-recall").ClickAsync();
        await Assertions.Expect(worklists.Locator("#said")).ToContainTextAsync("Recall not sent: A recall went out on", new() { Timeout = 30_000 });

        Assert.Equal(1, await comms.Sender.DrainOnceAsync(TestContext.Current.CancellationToken));
        var link = Regex.Match(comms.Smtp.Messages.Last().TextBody ?? "", @"http://\S+/recall#\S+").Value;
        Assert.Equal(new Uri(comms.Node.BaseAddress, "/recall").ToString(), link[..link.IndexOf('#', StringComparison.Ordinal)]);
        var patient = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await patient.GotoAsync(link);
        await Assertions.Expect(patient.Locator("#clinic")).ToHaveTextAsync("API test clinic", new() { Timeout = 30_000 });
        await Assertions.Expect(patient.Locator("h2")).ToHaveTextAsync("Choose a time with Ann P., PT");
        await Assertions.Expect(patient.Locator("body")).Not.ToContainTextAsync("Moreno");
        var slot = patient.Locator(".link-slots button").Nth(1);
        await Assertions.Expect(slot).ToBeVisibleAsync(Patiently);
        var start = DateTimeOffset.Parse(await slot.GetAttributeAsync("data-start") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var label = (await slot.TextContentAsync())!;
        await slot.ClickAsync();

        // The slot read "Thursday, December 10, 9:15 AM"; the booking reads "Thursday, December 10 at 9:15 AM".
        var cut = label.LastIndexOf(", ", StringComparison.Ordinal);
        await Assertions.Expect(patient.Locator("#booked")).ToContainTextAsync($"{label[..cut]} at {label[(cut + 2)..]} with Ann P., PT", new() { Timeout = 30_000 });
        var visit = Assert.Single(await comms.Node.Grains.GetGrain<IPatientGrain>(patientId).GetVisits(), v => v.Status == VisitStatus.Booked);
        Assert.Equal((start, "ann"), (visit.ScheduledStart, visit.TherapistId));
        await patient.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "recall-booked.png") });

        await worklists.ReloadAsync();
        await Assertions.Expect(worklists.Locator("#droppedOff .empty")).ToHaveTextAsync("Nobody on this list.", new() { Timeout = 30_000 });
    }
}
