using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
        // Totals by hand: one days-away case, 3 days away, 4 days restricted, an injury (the form's first case type).
        await Assertions.Expect(page.Locator("#injury-totals > *")).ToHaveTextAsync(
            [$"{today.Year} totals: 1 case(s)", "0 death, 1 days away, 0 transfer or restriction, 0 other", "3", "4",
                "1 injury, 0 skin, 0 respiratory, 0 poisoning, 0 hearing, 0 other illness", ""]);
        await Assertions.Expect(page.Locator("#injury-csv")).ToHaveAttributeAsync("href", $"/api/clinics/{clinic.Id}/injury-log.csv?year={today.Year}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "injury-log.png") });
    }

    [Fact]
    public async Task AManagerLogsAPrivacyCaseForSomeoneOnTheRosterEntersTheHoursAndReadsTheSummaryAndTheirCases()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        var year = today.Year;
        var added = await fixture.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/staff", new { name = "Dana Lee", jobRole = "Aide", employmentStart = "2023-04-03" });
        added.EnsureSuccessStatusCode();
        var staffId = (await added.Content.ReadFromJsonAsync<JsonObject>())!["staffId"]!.GetValue<string>();
        var page = await fixture.OpenAsync($"/injury-log/{clinic.Id}", 1440, 1200);

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a case" });
        await form.GetByLabel("On the roster").SelectOptionAsync(staffId);
        await Assertions.Expect(form.GetByLabel("Employee")).ToHaveValueAsync("Dana Lee");
        await form.GetByLabel("Date").FillAsync(today.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Description").FillAsync("Latex dermatitis, both hands");
        await form.GetByLabel("Case type").SelectOptionAsync("SkinDisorder");
        await form.GetByLabel("Outcome").SelectOptionAsync("OtherRecordable");
        await form.GetByLabel("Privacy case").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Record case" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.injury-log tbody tr")).ToContainTextAsync("privacy case", new() { Timeout = 30_000 });

        var establishment = page.GetByRole(AriaRole.Form, new() { Name = "Establishment figures" });
        await establishment.GetByLabel("Annual average number of employees").FillAsync("5");
        await establishment.GetByLabel("Total hours worked by all employees").FillAsync("10000");
        await establishment.GetByRole(AriaRole.Button, new() { Name = $"Save {year} figures" }).ClickAsync();
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync($"Saved the {year} average employees", new() { Timeout = 30_000 });

        // By hand: one other-recordable skin disorder; rates per 200,000 hours of 10,000: 1 × 20 = 20.00, and 0.00.
        var summary = page.Locator("#injury-summary");
        foreach (var (figure, value) in new[]
        {
            ("Total cases", "1"), ("Other recordable cases", "1"), ("Skin disorders", "1"), ("Injuries", "0"),
            ("Annual average number of employees", "5"), ("Total hours worked by all employees", "10000"),
            ("Total recordable case rate (per 200,000 hours)", "20.00"), ("Days away, restricted or transferred rate", "0.00"),
        })
        {
            await Assertions.Expect(summary.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = figure, Exact = true }) }).Locator("td"))
                .ToHaveTextAsync(value);
        }

        await Assertions.Expect(page.Locator("#summary-csv")).ToHaveAttributeAsync("href", $"/api/clinics/{clinic.Id}/injury-log/summary.csv?year={year}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "injury-summary.png") });

        var roster = await fixture.OpenAsync($"/staff/{clinic.Id}", 1440, 900);
        await roster.Locator("table.roster tbody tr", new() { HasText = "Dana Lee" }).GetByRole(AriaRole.Link, new() { Name = "Injury cases" })
            .ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(roster.Locator("#person-cases-title")).ToHaveTextAsync("Cases of Dana Lee, every year", new() { Timeout = 30_000 });
        await Assertions.Expect(roster.Locator("#person-cases")).ToContainTextAsync($"Case 1 · {today:yyyy-MM-dd} · Skin disorder · Other recordable case: Latex dermatitis");
    }
}
