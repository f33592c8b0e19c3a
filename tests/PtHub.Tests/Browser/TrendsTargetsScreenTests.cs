using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Browser;

/// <summary>
/// A manager on the trends page: sets the clinic's cancel + no-show target (a wrong one is refused beside its field and
/// changes nothing), sees the range judged by it in words, and reads the same period last year beside this year's.
/// This year's day: two attended and a no-show (1 / 3 = 33.3 %); the same day last year: one attended (0 %).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrendsTargetsScreenTests(BrowserFixture fixture)
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task AManagerSetsATargetSeesItJudgedAndComparesTheSamePeriodLastYear()
    {
        var clinicId = "targets-" + Guid.NewGuid().ToString("N")[..8];
        var api = $"/api/clinics/{clinicId}";
        (await Http.PutAsJsonAsync(api, new
        {
            name = "Targets test PT", timeZoneId = "America/Chicago",
            rooms = new object[] { new { id = "gym", name = "Gym", kind = "gym", capacity = 10 } },
            therapists = new object[] { new { id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 5 } },
        }, Ct)).EnsureSuccessStatusCode();
        var created = await Http.PostAsJsonAsync($"{api}/patients", new { firstName = "Target", lastName = "Setter", birthDate = "1971-05-03", confirmedNew = true }, Ct);
        var patientId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chicago).DateTime).AddDays(-4);
        var lastYear = day.AddYears(-1);
        string[] attended = ["arrive", "check-in", "start", "finish", "check-out"];
        foreach (var (date, hour, steps) in new[] { (day, 9, attended), (day, 10, attended), (day, 11, ["no-show"]), (lastYear, 9, attended) })
        {
            var local = date.ToDateTime(new TimeOnly(hour, 0));
            var booked = await Http.PostAsJsonAsync($"{api}/visits", new
            {
                patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = new DateTimeOffset(local, Chicago.GetUtcOffset(local)), overrideReason = "entered late",
            }, Ct);
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
            var visitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
            foreach (var step in steps)
            {
                var done = await Http.PostAsJsonAsync($"{api}/visits/{visitId}/{step}", step == "start" ? new { roomId = "gym" } : new object(), Ct);
                Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync(Ct)}");
            }
        }

        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinicId]);
        var page = await fixture.NewAnonymousPageAsync(1600, 1200);
        await page.Context.AddCookiesAsync(manager.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, $"/trends/{clinicId}?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&by=day").ToString());

        var cancelNoShow = page.Locator("#targets [data-target=cancelNoShowRate]");
        await Assertions.Expect(cancelNoShow).ToContainTextAsync("Cancel + no-show rate 33.3 %: off target (≤ 10 %)", new() { Timeout = 30_000 });

        // The same period last year: its own row in the table and the change beside each target.
        var lastYearRow = page.Locator("#periods tr[data-period=last-year]");
        await Assertions.Expect(lastYearRow.Locator("th")).ToHaveTextAsync($"Same period last year ({lastYear:yyyy-MM-dd} – {lastYear:yyyy-MM-dd})");
        await Assertions.Expect(lastYearRow.Locator("td").First).ToHaveTextAsync("1");
        await Assertions.Expect(cancelNoShow.Locator("[data-compare=last-year]")).ToHaveTextAsync("+33.3 on the same period last year");

        // A near target on the wrong side of "on" is refused beside its field, and the judgement stays.
        await page.Locator("#target-editor summary").ClickAsync();
        var row = page.Locator("#target-editor tr[data-figure=cancelNoShowRate]");
        await Assertions.Expect(row.Locator("input[name=cancelNoShowRate-on]")).ToHaveValueAsync("10");
        await row.Locator("input[name=cancelNoShowRate-near]").FillAsync("5");
        await page.Locator("#targets-form button[type=submit]").ClickAsync();
        await Assertions.Expect(row.Locator(".field-error")).ToContainTextAsync("near must be at or above on", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("input[name=cancelNoShowRate-near]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(cancelNoShow).ToContainTextAsync("off target (≤ 10 %)");
        var unchanged = (await manager.Http.GetFromJsonAsync<JsonArray>($"{api}/kpi-targets", Ct))!.Single(t => t!["figure"]!.GetValue<string>() == "cancelNoShowRate")!;
        Assert.Equal((10.0, 15.0), (unchanged["on"]!.GetValue<double>(), unchanged["near"]!.GetValue<double>()));

        // The clinic's own target: 33.3 % is on target under 35 %, said in words.
        await row.Locator("input[name=cancelNoShowRate-on]").FillAsync("35");
        await row.Locator("input[name=cancelNoShowRate-near]").FillAsync("40");
        await page.Locator("#targets-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Targets saved", new() { Timeout = 30_000 });
        await Assertions.Expect(cancelNoShow).ToContainTextAsync("Cancel + no-show rate 33.3 %: on target (≤ 35 %)");
        await Assertions.Expect(cancelNoShow).ToHaveAttributeAsync("data-state", "on");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "trends-targets.png"), FullPage = true });

        await page.Locator("#target-editor button.secondary").ClickAsync();
        await Assertions.Expect(cancelNoShow).ToContainTextAsync("off target (≤ 10 %)", new() { Timeout = 30_000 });
    }
}
