using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>
/// A manager works the clinic's worklists: a patient off plan with two authorized visits left is on "Dropped off" and
/// "Authorizations low"; the row opens the profile, and "Mark done" takes it off its list (under "Done", with who),
/// also after a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AManagerOpensAProfileFromARowAndMarksARowDoneWhichStaysOffTheListAfterAReload()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var api = $"/api/clinics/{clinic.Id}";
        var patientId = await clinic.AddPatientAsync("Wanda", "Listed");
        var today = Figures.ProfileScenario.Today;
        using (var created = await clinic.Http.PostAsJsonAsync($"{api}/patients/{patientId}/plans-of-care", new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 2, startDate = today.AddDays(14).ToString("yyyy-MM-dd"), preferredTime = "10:00:00",
        }, Ct))
        {
            created.EnsureSuccessStatusCode();
            foreach (var visitId in (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitIds"]!.AsArray())
            {
                (await clinic.CommandAsync(visitId!.GetValue<string>(), "cancel", new { reason = "moved away" })).EnsureSuccessStatusCode();
            }
        }

        (await clinic.Http.PostAsJsonAsync($"{api}/patients/{patientId}/authorizations",
            new { id = "auth-1", from = today.AddDays(-1), to = today.AddDays(60), visitsAuthorized = 2 }, Ct)).EnsureSuccessStatusCode();
        using var manager = await fixture.Node.SignInAsNewAsync(StaffRole.Manager, [clinic.Id]);
        var page = await fixture.NewAnonymousPageAsync(1400, 1000);
        await page.Context.AddCookiesAsync(manager.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        var worklists = new Uri(fixture.Node.BaseAddress, $"/worklists/{clinic.Id}").ToString();
        await page.GotoAsync(worklists);

        var dropped = page.Locator("#droppedOff tbody tr");
        await Assertions.Expect(dropped).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(dropped.Locator("td").Nth(1)).ToHaveTextAsync("no visit booked; 0 of 2 planned visits attended");
        await Assertions.Expect(page.Locator("#authorizationsLow tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#worklists")).Not.ToContainTextAsync("Loading");
        await Assertions.Expect(page.Locator("#site-nav a[data-screen=worklists]")).ToHaveAttributeAsync("aria-current", "page");

        await dropped.Locator("a", new() { HasText = "Wanda Listed" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Node.BaseAddress, $"/patients/{clinic.Id}/{patientId}").ToString(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#patient-name")).ToHaveTextAsync("Listed, Wanda", new() { Timeout = 30_000 });

        await page.GoBackAsync();
        await dropped.Locator("button.mark-done").ClickAsync();
        await Assertions.Expect(page.Locator("#said")).ToHaveTextAsync("Marked done: Wanda Listed (Dropped off).", new() { Timeout = 30_000 });
        await Assertions.Expect(dropped).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#droppedOff .empty")).ToHaveTextAsync("Nobody on this list.");
        await Assertions.Expect(page.Locator("#authorizationsLow tbody tr")).ToHaveCountAsync(1);
        var doneRow = page.Locator("#done tbody tr");
        await Assertions.Expect(doneRow).ToHaveCountAsync(1);
        await Assertions.Expect(doneRow.Locator("td").First).ToHaveTextAsync("Dropped off");
        await Assertions.Expect(doneRow.Locator(".done-by")).ToHaveTextAsync(manager.UserName);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "worklists.png"), FullPage = true });

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#done tbody tr .done-by")).ToHaveTextAsync(manager.UserName, new() { Timeout = 30_000 });
        await Assertions.Expect(dropped).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#authorizationsLow tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#done-title")).ToBeVisibleAsync(Patiently);
    }
}
