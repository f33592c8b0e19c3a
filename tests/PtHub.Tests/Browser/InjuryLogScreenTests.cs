using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The injury and illness log as a manager keeps it: reach it from the navigation, record a case, correct it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InjuryLogScreenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AManagerRecordsACaseCorrectsItToDaysAwayAndSeesTheTotals()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        var page = await fixture.OpenAsync($"/manager/{clinic.Id}", 1440, 900);
        await page.Locator("#site-nav a[data-screen=injury-log]").ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#injury-totals")).ToContainTextAsync("0 case(s)", new() { Timeout = 30_000 });

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a case" });
        await form.GetByLabel("Date").FillAsync(today.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Employee").FillAsync("Ann Park");
        await form.GetByLabel("Description").FillAsync("Back strain lifting a patient");
        await form.GetByLabel("Outcome").SelectOptionAsync("DaysAway");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record case" }).ClickAsync();
        await Assertions.Expect(form.Locator(".field-error")).ToContainTextAsync("at least 1 day away");

        await form.GetByLabel("Days away", new() { Exact = true }).FillAsync("3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record case" }).ClickAsync();
        var row = page.Locator("table.injury-log tbody tr", new() { HasText = "Ann Park" });
        await Assertions.Expect(row).ToContainTextAsync("Days away from work");
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Recorded case 1");

        await row.GetByRole(AriaRole.Button, new() { Name = "Edit…" }).ClickAsync();
        var correcting = page.GetByRole(AriaRole.Form, new() { Name = "Correct case 1" });
        await Assertions.Expect(correcting.GetByLabel("Employee")).ToHaveValueAsync("Ann Park");
        await correcting.GetByLabel("Days restricted", new() { Exact = true }).FillAsync("4");
        await correcting.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();

        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Corrected case 1");
        // Totals by hand: one days-away case, 3 days away, 4 days restricted.
        await Assertions.Expect(page.Locator("#injury-totals > *")).ToHaveTextAsync(
            [$"{today.Year} totals: 1 case(s)", "0 death, 1 days away, 0 transfer or restriction, 0 other", "3", "4", ""]);
        await Assertions.Expect(page.Locator("#injury-csv")).ToHaveAttributeAsync("href", $"/api/clinics/{clinic.Id}/injury-log.csv?year={today.Year}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "injury-log.png") });
    }
}
