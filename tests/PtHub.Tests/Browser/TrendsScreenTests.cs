using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PtHub.Tests.Browser;

/// <summary>
/// The manager's trends page over three past days booked and played through the API: it draws its charts for the
/// range, a chart point and a period's "Visits" list exactly that day's visits, and the CSV download holds the table.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrendsScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task TheTrendsPageDrawsTheRangeListsADaysVisitsAndDownloadsTheTable()
    {
        var clinicId = "trends-" + Guid.NewGuid().ToString("N")[..8];
        var api = $"/api/clinics/{clinicId}";
        (await Http.PutAsJsonAsync(api, new
        {
            name = "Trends test PT", timeZoneId = "America/Chicago",
            rooms = new object[] { new { id = "gym", name = "Gym", kind = "gym", capacity = 10 } },
            therapists = new object[] { new { id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 5 } },
        }, Ct)).EnsureSuccessStatusCode();
        var created = await Http.PostAsJsonAsync($"{api}/patients", new { firstName = "Trend", lastName = "Walker", birthDate = "1970-04-02", confirmedNew = true }, Ct);
        var patientId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
        // A copay of $20 a visit: the first day's first visit pays it, its second does not (copay collection 20 / 40 = 50 %).
        (await Http.PutAsJsonAsync($"{api}/patients/{patientId}/coverage", new { payer = "Acme Health", plan = "PPO", memberId = "T-1", billingMethod = "cms", copay = 20, isMedicare = false }, Ct)).EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chicago).DateTime);
        var first = today.AddDays(-5);
        // Day 1: two attended and a no-show; day 2: one attended and one cancelled; day 3: one attended.
        var plan = new (int Day, int Hour, string[] Steps)[]
        {
            (0, 9, ["arrive", "collect-copay", "check-in", "start", "finish", "check-out"]), (0, 10, ["arrive", "check-in", "start", "finish", "check-out"]),
            (0, 11, ["no-show"]), (1, 9, ["arrive", "check-in", "start", "finish", "check-out"]), (1, 10, ["cancel"]),
            (2, 9, ["arrive", "check-in", "start", "finish", "check-out"]),
        };
        var firstDayVisits = new List<string>();
        foreach (var (day, hour, steps) in plan)
        {
            var local = first.AddDays(day).ToDateTime(new TimeOnly(hour, 0));
            var booked = await Http.PostAsJsonAsync($"{api}/visits", new
            {
                patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = new DateTimeOffset(local, Chicago.GetUtcOffset(local)), overrideReason = "entered late",
            }, Ct);
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
            var visitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
            if (day == 0)
            {
                firstDayVisits.Add(visitId);
            }

            foreach (var step in steps)
            {
                object body = step switch
                {
                    "start" => new { roomId = "gym" }, "cancel" => new { reason = "sick" }, "collect-copay" => new { amount = 20, method = "card" }, _ => new { },
                };
                var done = await Http.PostAsJsonAsync($"{api}/visits/{visitId}/{step}", body, Ct);
                Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync(Ct)}");
            }
        }

        var page = await fixture.OpenAsync($"/trends/{clinicId}?from={first:yyyy-MM-dd}&to={first.AddDays(2):yyyy-MM-dd}&by=day", 1600, 1200);

        await Assertions.Expect(page.Locator("#chart-visits canvas")).ToBeVisibleAsync(Patiently);
        foreach (var chart in new[] { "#chart-visits", "#chart-rates", "#chart-waits" })
        {
            await Assertions.Expect(page.Locator(chart)).ToHaveAttributeAsync("data-points", "3");
        }

        // Three days, the whole range, the period before and the same period last year.
        await Assertions.Expect(page.Locator("#periods tbody tr[data-period]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator($"#periods tr[data-period='{first:yyyy-MM-dd}'] td").First).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-target=cancelNoShowRate]")).ToContainTextAsync("Cancel + no-show rate 33.3 %: off target (≤ 10 %)");
        await Assertions.Expect(page.Locator("#nav-clinic")).ToBeVisibleAsync(Patiently);
        var copayColumn = (await page.Locator("#periods thead th").AllTextContentsAsync()).ToList().IndexOf("Copay collection") - 1;
        Assert.True(copayColumn >= 0, "the table has a copay collection column");
        await Assertions.Expect(page.Locator($"#periods tr[data-period='{first:yyyy-MM-dd}'] td").Nth(copayColumn)).ToHaveTextAsync("50 %");

        await page.Locator($"#periods tr[data-period='{first.AddDays(1):yyyy-MM-dd}'] button.visits").ClickAsync();
        await Assertions.Expect(page.Locator("#drill-title")).ToContainTextAsync($"Visits of {first.AddDays(1):yyyy-MM-dd} (2)");

        // A click on the chart's first point lists the first day's visits.
        await page.Locator("#chart-visits .u-over").ClickAsync(new() { Position = new() { X = 2, Y = 40 } });
        await Assertions.Expect(page.Locator("#drill-title")).ToContainTextAsync($"Visits of {first:yyyy-MM-dd} (3)", new() { Timeout = 30_000 });
        Assert.Equal(firstDayVisits.Order(StringComparer.Ordinal),
            (await page.Locator("#drill tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.visit)")).Order(StringComparer.Ordinal));
        await Assertions.Expect(page.Locator("#drill a").First).ToHaveAttributeAsync("href", $"/patients/{clinicId}/{patientId}");

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "trends.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, Ct)).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var total = lines.Single(l => l.StartsWith("total,", StringComparison.Ordinal)).Split(',');
        var tableTotal = await page.Locator("#periods tr.total td").AllTextContentsAsync();
        Assert.Equal(tableTotal[0], total[Array.IndexOf(header, "scheduled")]);
        Assert.Equal(tableTotal[1], total[Array.IndexOf(header, "attended")]);
        Assert.Equal(tableTotal[3], total[Array.IndexOf(header, "cancel_no_show_rate")] + " %");
        Assert.Equal(3, lines.Count(l => l.StartsWith("period,", StringComparison.Ordinal)));
    }
}
