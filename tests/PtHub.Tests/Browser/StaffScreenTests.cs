using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>
/// The roster as its users work it: a manager adds a therapist and her licence that expires in five days and sees the
/// alert on the staff screen and the manager's view; the front desk, booking her a week ahead, is told the licence
/// will have expired and books anyway with a reason that the visit keeps.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Exactly = new() { Timeout = 30_000 };
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chicago).DateTime);

    [Fact]
    public async Task AManagerSeesALicenceAboutToExpireAndTheDeskBookingPastItOverridesWithAReason()
    {
        var clinicId = await CreateClinicAsync();
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinicId]);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinicId]);
        var expiry = Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await OpenAsAsync(manager, $"/staff/{clinicId}", 1440, 1000);
        var add = page.GetByRole(AriaRole.Form, new() { Name = "Add a person" });
        await add.GetByLabel("Name", new() { Exact = true }).FillAsync("Ann Park");
        await add.GetByLabel("Role").FillAsync("PT");
        await add.GetByLabel("Employed since").FillAsync("2022-09-01");
        await add.GetByLabel("Therapist in the schedule").SelectOptionAsync("ann");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Added Ann Park", Patiently);
        var row = page.Locator("table.roster tbody tr", new() { HasText = "Ann Park" });
        await Assertions.Expect(row).ToContainTextAsync("Mon 08:00–12:00, Mon 13:00–17:00");
        await Assertions.Expect(row).ToContainTextAsync("Not recorded");

        var credential = page.GetByRole(AriaRole.Form, new() { Name = "Add a credential", Exact = true });
        await credential.GetByLabel("Type").SelectOptionAsync("pt-licence");
        await credential.GetByLabel("Number").FillAsync("PT-4411");
        await credential.GetByLabel("Issuer").FillAsync("Illinois IDFPR");
        await credential.GetByLabel("Expires").FillAsync(expiry);
        await credential.GetByRole(AriaRole.Button, new() { Name = "Add credential" }).ClickAsync();

        await Assertions.Expect(page.Locator("#staff-alerts")).ToContainTextAsync($"Ann Park: State PT licence will expire in 5 day(s), on {expiry} (30-day alert)", Patiently);
        await Assertions.Expect(page.Locator("table.credentials")).ToContainTextAsync("PT-4411");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-roster.png") });

        var view = await OpenAsAsync(manager, $"/manager/{clinicId}", 1440, 1000);
        await Assertions.Expect(view.Locator("#staff-alerts")).ToContainTextAsync("1 staff alert(s)", Patiently);
        await Assertions.Expect(view.Locator("#staff-alerts")).ToContainTextAsync($"Ann Park: State PT licence will expire in 5 day(s), on {expiry}");

        var day = Today.AddDays(7);
        var schedule = await OpenAsAsync(desk, $"/schedule/{clinicId}?date={day:yyyy-MM-dd}", 1600, 1000);
        await Assertions.Expect(schedule.Locator("[data-column=ann] .sched-head")).ToContainTextAsync("08:00", Patiently);
        await schedule.Locator("[data-column=ann] .slot[data-time=\"10:00\"]").ClickAsync();
        var dialog = schedule.Locator("dialog[open]");
        await dialog.Locator("#new-patient").ClickAsync();
        await dialog.Locator("input[name=firstName]").FillAsync("Hugo");
        await dialog.Locator("input[name=lastName]").FillAsync("Lapsed");
        await dialog.Locator("input[name=birthDate]").FillAsync("1979-03-14");
        await dialog.Locator("#register").ClickAsync();
        await Assertions.Expect(dialog.Locator("#picked-patient")).ToContainTextAsync("Lapsed, Hugo", Patiently);
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(dialog.Locator(".conflicts")).ToContainTextAsync($"Ann Park's State PT licence PT-4411 expired on {expiry}.", Patiently);
        await Assertions.Expect(dialog.Locator("#confirm")).ToHaveTextAsync("Book anyway");
        await dialog.Locator("#override-reason").FillAsync("renewal filed, verified on the state board site");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(schedule.Locator("[data-column=ann] .appt").Filter(new() { HasText = "Lapsed, Hugo" })).ToContainTextAsync("10:00", Patiently);
        var entry = Assert.Single((await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/schedule?date={day:yyyy-MM-dd}", Ct))!["entries"]!.AsArray())!;
        var history = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/visits/{entry["visitId"]}", Ct))!.ToJsonString();
        Assert.Contains("renewal filed, verified on the state board site", history, StringComparison.Ordinal);
        Assert.Contains("PT-4411 expired on", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATherapistReadsTheirOwnCredentialsAndNotTheRoster()
    {
        var clinicId = await CreateClinicAsync();
        using var therapist = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinicId], "bob");
        var api = $"/api/clinics/{clinicId}/staff";
        var added = await fixture.Node.Http.PostAsJsonAsync(api, new { name = "Bob Quinn", jobRole = "PTA", employmentStart = "2021-01-04", therapistId = "bob", userId = therapist.UserName }, Ct);
        added.EnsureSuccessStatusCode();
        var staffId = (await added.Content.ReadFromJsonAsync<JsonObject>(Ct))!["staffId"]!.GetValue<string>();
        (await fixture.Node.Http.PostAsJsonAsync($"{api}/{staffId}/credentials", new { type = "cpr-bls", number = "AHA-77", issuer = "AHA", expiry = "2027-06-30" }, Ct)).EnsureSuccessStatusCode();
        (await fixture.Node.Http.PostAsJsonAsync($"{api}/{staffId}/training", new { type = "hipaa", completedOn = Today.AddDays(-3) }, Ct)).EnsureSuccessStatusCode();

        var page = await OpenAsAsync(therapist, $"/staff/{clinicId}");

        await Assertions.Expect(page.Locator("#mine-title")).ToContainTextAsync("My credentials and training · Bob Quinn", Patiently);
        await Assertions.Expect(page.Locator("table.credentials")).ToContainTextAsync("AHA-77");
        await Assertions.Expect(page.Locator("table.training")).ToContainTextAsync(Today.AddDays(-3).AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("table.roster")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.credentials button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AManagerTicksANewHiresOnboardingAndTheRosterShowsTheProgress()
    {
        var clinicId = await CreateClinicAsync();
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinicId]);
        var api = $"/api/clinics/{clinicId}/staff";
        var added = await fixture.Node.Http.PostAsJsonAsync(api, new { name = "Cara Diaz", jobRole = "PTA", employmentStart = Today, therapistId = "bob" }, Ct);
        added.EnsureSuccessStatusCode();
        var staffId = (await added.Content.ReadFromJsonAsync<JsonObject>(Ct))!["staffId"]!.GetValue<string>();

        var page = await OpenAsAsync(manager, $"/staff/{clinicId}", 1440, 1000);
        var row = page.Locator("table.roster tbody tr", new() { HasText = "Cara Diaz" });
        await Assertions.Expect(row.Locator(".onboarding-progress")).ToHaveTextAsync("0 of 8", Exactly);
        await row.Locator(".onboarding-progress a").ClickAsync();

        var list = page.GetByRole(AriaRole.List, new() { Name = "Onboarding of Cara Diaz" });
        foreach (var item in new[] { "I-9 / identity verified", "Licence verified", "HIPAA training" })
        {
            await list.GetByRole(AriaRole.Checkbox, new() { Name = item }).CheckAsync();
            await Assertions.Expect(page.Locator("#said")).ToContainTextAsync($"{item} done for Cara Diaz", Patiently);
        }

        await Assertions.Expect(row.Locator(".onboarding-progress")).ToHaveTextAsync("3 of 8", Exactly);
        await Assertions.Expect(list.Locator("li[data-item=hipaa] .ticked")).ToContainTextAsync(manager.UserName, new() { IgnoreCase = true });

        // Taking a tick back asks why first (the box stays ticked until then); the count goes down and the history says why.
        var licence = list.GetByRole(AriaRole.Checkbox, new() { Name = "Licence verified" });
        await licence.ClickAsync();
        await Assertions.Expect(licence).ToBeCheckedAsync();
        var undo = page.GetByRole(AriaRole.Form, new() { Name = "Take back Licence verified" });
        await undo.GetByLabel("Why is it not done after all?").FillAsync("Licence number belonged to another PTA");
        await undo.GetByRole(AriaRole.Button, new() { Name = "Take back the tick" }).ClickAsync();
        await Assertions.Expect(row.Locator(".onboarding-progress")).ToHaveTextAsync("2 of 8", Exactly);
        await Assertions.Expect(page.Locator(".onboarding-history")).ToContainTextAsync("Licence number belonged to another PTA");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-onboarding.png") });

        // The manager adds an item: everyone's total grows; a linked page opens straight on the person's checklist.
        var addItem = page.GetByRole(AriaRole.Form, new() { Name = "Add a checklist item" });
        await addItem.GetByLabel("New item").FillAsync("Parking permit issued");
        await addItem.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(row.Locator(".onboarding-progress")).ToHaveTextAsync("2 of 9", Exactly);

        var linked = await OpenAsAsync(manager, $"/staff/{clinicId}#onboarding-{staffId}", 1440, 1000);
        await Assertions.Expect(linked.Locator(".onboarding-count")).ToHaveTextAsync("2 of 9", Exactly);
        var progress = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"{api}/onboarding", Ct))!.Single()!;
        Assert.Equal((2, 9), (progress["done"]!.GetValue<int>(), progress["total"]!.GetValue<int>()));
    }

    private async Task<string> CreateClinicAsync()
    {
        var id = "staff-" + Guid.NewGuid().ToString("N")[..8];
        var hours = Enum.GetNames<DayOfWeek>().SelectMany(day => new[]
        {
            new { day, start = "08:00:00", end = "12:00:00" }, new { day, start = "13:00:00", end = "17:00:00" },
        });
        var response = await fixture.Node.Http.PutAsJsonAsync($"/api/clinics/{id}", new
        {
            name = "Staff test PT",
            timeZoneId = "America/Chicago",
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "08:00:00", closes = "18:00:00" }),
            rooms = new object[] { new { id = "gym", name = "Gym", kind = "gym", capacity = 4 } },
            therapists = new object[]
            {
                new { id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 1, workingHours = hours },
                new { id = "bob", displayName = "Bob Q., PTA", maxConcurrentPatients = 1 },
            },
        }, Ct);
        response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task<IPage> OpenAsAsync(StaffClient user, string path, int width = 1280, int height = 800)
    {
        var page = await fixture.NewAnonymousPageAsync(width, height);
        await page.Context.AddCookiesAsync(user.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, path).ToString());
        return page;
    }
}
