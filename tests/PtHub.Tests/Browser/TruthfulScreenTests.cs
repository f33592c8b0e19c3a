using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>What the screens show holds up in a real browser: a busy lobby fits, focus survives pushes, times are the clinic's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TruthfulScreenTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] FirstNames =
    [
        "Maximiliana-Josephine", "Bartholomew", "Anastasia", "Konstantinos", "Guinevere", "Oluwaseun", "Persephone", "Alejandro",
        "Thaddeus", "Evangeline", "Jean-Baptiste", "Seraphina", "Leopold", "Marguerite", "Bonaventure", "Annunziata",
        "Cornelius", "Wilhelmina", "Fitzgerald", "Genevieve", "Maximilian", "Philippa", "Sebastiano", "Ottoline",
        "Archibald", "Clementine", "Florentino", "Henrietta", "Valentino", "Rosalind", "Ignatius", "Magdalena",
        "Augustine", "Cordelia", "Lysander", "Theodora", "Benedikt", "Esmeralda", "Horatio", "Juliana",
    ];

    /// <summary>A clinic of 12 therapists (one patient at a time each) with 40 patients present: 12 being seen, 28 waiting.</summary>
    private async Task<(ApiClinic Clinic, HashSet<string> Labels)> BusyHourAsync()
    {
        var http = fixture.Node.Http;
        var clinic = new ApiClinic(http, "busy-" + Guid.NewGuid().ToString("N")[..8]);
        var therapists = Enumerable.Range(1, 12).Select(i => new { id = $"t{i}", displayName = $"Therapist {i:00}, DPT", maxConcurrentPatients = 1 }).ToArray();
        (await http.PutAsJsonAsync($"/api/clinics/{clinic.Id}", new
        {
            name = "Busy hour clinic", timeZoneId = "America/New_York",
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "00:00:00", closes = "00:00:00" }),
            rooms = new object[] { new { id = "gym", name = "Gym", kind = "gym", capacity = 12 } },
            therapists,
            lobbyNaming = "first-name-last-initial",
        }, Ct)).EnsureSuccessStatusCode();

        var labels = new HashSet<string>();
        var start = TodayInNewYork();
        for (var i = 0; i < FirstNames.Length; i++)
        {
            var patientId = await clinic.AddPatientAsync(FirstNames[i], "Featherstonehaugh");
            var booked = await http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
            {
                patientId, therapistId = therapists[i % 12].id, visitType = "follow-up", scheduledStart = start,
                overrideReason = "test: a busy hour",
            }, Ct);
            booked.EnsureSuccessStatusCode();
            var visitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
            (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
            if (i < 12)
            {
                (await clinic.CommandAsync(visitId, "check-in")).EnsureSuccessStatusCode();
                (await clinic.CommandAsync(visitId, "start", new { roomId = "gym" })).EnsureSuccessStatusCode();
            }

            labels.Add($"{FirstNames[i]} F.");
        }

        return (clinic, labels);
    }

    /// <summary>A whole minute of today in the clinics' zone (the screens show today): two minutes ahead, or else a little behind.</summary>
    private static DateTimeOffset TodayInNewYork()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        return TimeZoneInfo.ConvertTime(now.AddMinutes(2), zone).Date == TimeZoneInfo.ConvertTime(now, zone).Date ? now.AddMinutes(2) : now.AddMinutes(-20);
    }

    [Fact]
    public async Task ABusyHourFitsTheLobbyTvWithNoNameCutOffAndEveryPatientOnAPage()
    {
        var (clinic, labels) = await BusyHourAsync();
        await using (var watcher = await LiveClient.ConnectAsync(fixture.Node, clinic.Id, DashboardView.Lobby))
        {
            await watcher.WaitUntilAsync(c => c.Lobby!.Therapists.Sum(t => t.NowSeeing.Count + t.Waiting.Count) == labels.Count, "all 40 patients in the lobby's view");
        }

        var lobby = await fixture.OpenDisplayAsync(clinic.Id, "?rotate=3");
        await Assertions.Expect(lobby.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await lobby.WaitForFunctionAsync("() => document.querySelectorAll('.entry .label').length > 0 && document.getElementById('therapists').dataset.pages");

        // Watch the pages turn until one whole rotation has gone by under the same pagination (a push may re-paginate).
        var rotation = new Dictionary<int, string[]>();
        var pages = 0;
        var last = "";
        for (var turn = 0; turn < 40 && (pages == 0 || rotation.Count < pages); turn++)
        {
            await lobby.WaitForFunctionAsync("last => { const g = document.getElementById('therapists'); return g.dataset.page + '/' + g.dataset.pages !== last; }",
                last, new() { Timeout = 30_000 });
            // One look at the page as it stands: which page, its patients, and anything that scrolls, spills out or is cut.
            var look = JsonNode.Parse(await lobby.EvaluateAsync<string>("""
                () => {
                  const g = document.getElementById('therapists');
                  const problems = [];
                  const box = g.getBoundingClientRect();
                  if (document.documentElement.scrollHeight > window.innerHeight) problems.push('page scrolls: ' + document.documentElement.scrollHeight);
                  for (const e of document.querySelectorAll('.therapist, .therapist h2, .entry .label, .entry .wait')) {
                    const r = e.getBoundingClientRect();
                    if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) problems.push('overflows: ' + e.textContent);
                    if (r.bottom > box.bottom + 1 || r.right > box.right + 1) problems.push('outside the screen: ' + e.textContent);
                  }
                  return JSON.stringify({ page: Number(g.dataset.page), pages: Number(g.dataset.pages), problems,
                           labels: [...document.querySelectorAll('.entry .label')].map(e => e.textContent) });
                }
                """))!;
            var (page, of) = (look["page"]!.GetValue<int>(), look["pages"]!.GetValue<int>());
            last = $"{page}/{of}";
            if (of != pages)
            {
                (pages, rotation) = (of, []);
            }

            Assert.Empty(look["problems"]!.AsArray());
            rotation[page] = [.. look["labels"]!.AsArray().Select(l => l!.GetValue<string>())];
        }

        var seen = rotation.Values.SelectMany(l => l).ToHashSet();
        Assert.True(labels.SetEquals(seen), string.Join(" | ", rotation.OrderBy(r => r.Key).Select(r => $"{r.Key}: {string.Join(", ", r.Value)}")));
        Assert.Equal(pages, rotation.Count);
        Assert.Equal(labels.Order(), seen.Order());
        await lobby.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "lobby-busy.png") });
    }

    [Fact]
    public async Task FocusStaysOnTheButtonAUserIsOnWhileTwentyPushesArrive()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var focusedVisit = await clinic.BookAsync(await clinic.AddPatientAsync("Fiona", "Focus"));
        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1280, 800);
        var arrive = board.Locator($"article[data-visit='{focusedVisit}']").GetByRole(AriaRole.Button, new() { Name = "Arrive" });
        await arrive.FocusAsync();
        await arrive.EvaluateAsync("b => { b.dataset.marked = 'yes'; }");

        for (var i = 0; i < 20; i++)
        {
            await clinic.BookAsync(await clinic.AddPatientAsync($"Push{i}", "Tester"));
        }

        await Assertions.Expect(board.Locator("article.visit")).ToHaveCountAsync(21, new() { Timeout = 30_000 });
        // The very element focused before the pushes is still in the page and still focused.
        Assert.Equal("yes", await board.EvaluateAsync<string?>("() => document.activeElement?.dataset.marked ?? null"));
        Assert.Equal(focusedVisit, await board.EvaluateAsync<string?>("() => document.activeElement?.closest('article')?.dataset.visit ?? null"));
    }

    [Fact]
    public async Task ABrowserInAnotherTimeZoneShowsClinicTimeOnTheBoard()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var start = TodayInNewYork();
        var response = await fixture.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId = await clinic.AddPatientAsync("Tina", "Zone"), therapistId = "bob", visitType = "follow-up", scheduledStart = start,
            overrideReason = "test: time zones",
        }, Ct);
        response.EnsureSuccessStatusCode();
        var visitId = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();

        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1280, 800, browserTimeZone: "Asia/Tokyo");
        var clinicTime = TimeZoneInfo.ConvertTime(start, zone);
        var shown = board.Locator($"article[data-visit='{visitId}'] .time");
        await Assertions.Expect(shown).ToContainTextAsync(clinicTime.ToString("hh:mm", CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Assertions.Expect(shown).ToContainTextAsync(clinicTime.Hour < 12 ? "AM" : "PM");
    }

    [Fact]
    public async Task TheBoardHeaderStaysInReachOnALaptopAndIsSmallOnAPhone()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        for (var i = 0; i < 25; i++)
        {
            await clinic.BookAsync(await clinic.AddPatientAsync($"Row{i}", "Tester"));
        }

        var laptop = await fixture.OpenAsync($"/board/{clinic.Id}", 1280, 800);
        await Assertions.Expect(laptop.Locator("article.visit")).ToHaveCountAsync(25, new() { Timeout = 30_000 });
        await laptop.Mouse.WheelAsync(0, 3000);
        await laptop.WaitForFunctionAsync("() => window.scrollY > 500");
        // Scrolled far down, the board's header (filters, walk-in, live state) is still at the top of the screen.
        Assert.Equal(0, await laptop.EvaluateAsync<double>("() => Math.round(document.querySelector('.board-page > .bar').getBoundingClientRect().top)"));

        var phone = await fixture.OpenAsync($"/board/{clinic.Id}", 390, 844);
        await Assertions.Expect(phone.Locator("article.visit")).ToHaveCountAsync(25, new() { Timeout = 30_000 });
        var header = await phone.EvaluateAsync<double>("() => document.querySelector('.board-page > .bar').getBoundingClientRect().height");
        Assert.True(header <= 844 * 0.15, $"the board's header takes {header} px of 844");
    }

    [Fact]
    public async Task AFoldedGroupStaysFoldedOnThisDevice()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Fold", "Tester"));
        var board = await fixture.OpenAsync($"/board/{clinic.Id}", 1280, 800);
        var upcoming = board.Locator("section.group.upcoming");
        await Assertions.Expect(upcoming.Locator($"article[data-visit='{visitId}']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        await upcoming.GetByRole(AriaRole.Button, new() { Name = "Upcoming" }).ClickAsync();
        await Assertions.Expect(upcoming.Locator("article.visit")).ToHaveCountAsync(0);
        await Assertions.Expect(upcoming.Locator("button.fold")).ToHaveAttributeAsync("aria-expanded", "false");
        await board.ReloadAsync();

        await Assertions.Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(board.Locator("section.group.upcoming button.fold")).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(board.Locator("section.group.upcoming article.visit")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Locator("section.group.upcoming .count")).ToHaveTextAsync("1");
    }
}
