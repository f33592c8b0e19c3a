using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>
/// A manager of two clinics opens the roll-up across them for one past day played through the API: a row per clinic,
/// the chain's total (worked out by hand below), its target in words, the CSV holding the same table, and the
/// navigation's "All clinics" link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RollupScreenTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task PlayAsync(ApiClinic clinic, DateOnly day, params string[][] visits)
    {
        var patientId = await clinic.AddPatientAsync("Roll", "Up");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var hour = 9;
        foreach (var steps in visits)
        {
            var local = day.ToDateTime(new TimeOnly(hour++, 0));
            using var booked = await clinic.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
            {
                patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = new DateTimeOffset(local, zone.GetUtcOffset(local)), overrideReason = "entered late",
            }, Ct);
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
            var visitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
            foreach (var step in steps)
            {
                object? body = step switch { "start" => new { roomId = "gym" }, "cancel" => new { reason = "sick" }, _ => null };
                using var done = await clinic.CommandAsync(visitId, step, body);
                Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync(Ct)}");
            }
        }
    }

    [Fact]
    public async Task AManagerSeesEachOfTheirClinicsAndTheChainTotalAndDownloadsTheSameTable()
    {
        string[] attended = ["arrive", "check-in", "start", "finish", "check-out"];
        var day = Figures.ProfileScenario.Today.AddDays(-3);
        var first = await ApiClinic.CreateAsync(fixture.Node.Http);
        var second = await ApiClinic.CreateAsync(fixture.Node.Http);
        var unseen = await ApiClinic.CreateAsync(fixture.Node.Http);
        await PlayAsync(first, day, attended, attended, ["no-show"]);
        await PlayAsync(second, day, attended, ["cancel"]);
        await PlayAsync(unseen, day, attended);
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [first.Id, second.Id]);
        var page = await fixture.NewAnonymousPageAsync(1600, 1000);
        await page.Context.AddCookiesAsync(manager.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, $"/settings/{first.Id}").ToString());
        await page.Locator("#site-nav a[data-screen=rollup]").ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Node.BaseAddress, "/rollup").ToString(), new() { Timeout = 30_000 });

        await page.Locator("#range input[name=from]").FillAsync(day.ToString("yyyy-MM-dd"), new() { Timeout = 30_000 });
        await page.Locator("#range input[name=to]").FillAsync(day.ToString("yyyy-MM-dd"));
        await page.Locator("#range button[type=submit]").ClickAsync();

        // By hand: the first clinic 3 scheduled, 2 attended, 1 no-show; the second 2, 1, 1 cancelled; the third is not the manager's.
        var rows = page.Locator("#clinics tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{first.Id}'] td").Nth(0)).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{first.Id}'] td").Nth(1)).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{first.Id}'] td").Nth(3)).ToHaveTextAsync("33.3 %");
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{second.Id}'] td").Nth(0)).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{second.Id}'] td").Nth(3)).ToHaveTextAsync("50 %");
        await Assertions.Expect(page.Locator("#clinics tr.total td").Nth(0)).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("#clinics tr.total td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#clinics tr.total td").Nth(3)).ToHaveTextAsync("40 %");
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{unseen.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-target=cancelNoShowRate]")).ToContainTextAsync("Cancel + no-show rate 40 %: off target (≤ 10 %)");
        await Assertions.Expect(page.Locator($"#clinics tr[data-clinic='{first.Id}'] a"))
            .ToHaveAttributeAsync("href", $"/trends/{first.Id}?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&by=week");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "rollup.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, Ct)).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        string Cell(string table, string id, string column) =>
            lines.Single(l => l.StartsWith($"{table},{id},", StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, column)];
        Assert.Equal("3", Cell("clinic", first.Id, "scheduled"));
        Assert.Equal("2", Cell("clinic", second.Id, "scheduled"));
        Assert.Equal("5", Cell("total", "", "scheduled"));
        Assert.Equal("40", Cell("total", "", "cancel_no_show_rate"));
        Assert.DoesNotContain(lines, l => l.Contains(unseen.Id, StringComparison.Ordinal));
    }
}
