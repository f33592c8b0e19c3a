using Microsoft.Playwright;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Browser;

/// <summary>
/// Referrals as the front desk takes them: a new referring provider (a mistyped NPI refused), a referral for a known
/// patient found as it types, converted once the patient attends; the printable letter to the provider; and the
/// manager's conversion by source and provider.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferralScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task TheDeskTakesAReferralInPrintsTheLetterAndTheManagerSeesItConvert()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Lena", "Ortiz");
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var page = await OpenAsAsync(desk, $"/referrals/{clinic.Id}");

        var provider = page.GetByRole(AriaRole.Form, new() { Name = "Add a referring provider" });
        await provider.GetByLabel("Name").FillAsync("Dr. Omar Haddad");
        await provider.GetByLabel("NPI").FillAsync("1245319590");
        await provider.GetByLabel("Practice").FillAsync("Lakeside Orthopedics");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        await Assertions.Expect(provider.Locator(".field-error")).ToContainTextAsync("check digit", Patiently);
        await provider.GetByLabel("NPI").FillAsync("1245319599");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Added Dr. Omar Haddad (NPI 1245319599)", Patiently);

        var intake = page.GetByRole(AriaRole.Form, new() { Name = "Take a referral in" });
        await intake.Locator("#patient-search").FillAsync("ortiz");
        await intake.GetByRole(AriaRole.Button, new() { Name = "Ortiz, Lena" }).ClickAsync();
        await Assertions.Expect(intake.Locator("#picked-patient")).ToContainTextAsync("Ortiz, Lena");
        await intake.GetByLabel("Reason").FillAsync("Rotator cuff repair, 6 weeks post-op");
        await intake.GetByLabel("Referring provider").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Omar Haddad · Lakeside Orthopedics" });
        await intake.GetByRole(AriaRole.Button, new() { Name = "Take referral in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Referral of Ortiz, Lena taken in (Physician, Dr. Omar Haddad)", Patiently);
        var row = page.Locator("table.referrals tbody tr", new() { HasText = "Ortiz, Lena" });
        await Assertions.Expect(row).ToContainTextAsync("none booked");
        await Assertions.Expect(row).ToContainTextAsync("Not converted");

        var visitId = await clinic.BookAsync(patientId);
        foreach (var action in new[] { "arrive", "check-in", "assign", "start", "finish", "check-out" })
        {
            (await clinic.CommandAsync(visitId, action, action == "assign" ? new { roomId = "gym" } : null)).EnsureSuccessStatusCode();
        }

        await page.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Converted within 7 days", Patiently);
        await Assertions.Expect(row).ToContainTextAsync("attended");

        await row.GetByRole(AriaRole.Link, new() { Name = "Letter to the provider" }).ClickAsync();
        await Assertions.Expect(page.Locator(".letter")).ToContainTextAsync("Dear Dr. Omar Haddad", Patiently);
        await Assertions.Expect(page.Locator(".letter")).ToContainTextAsync("Thank you for referring Lena Ortiz");
        await Assertions.Expect(page.Locator("#letter-progress")).ToContainTextAsync("they have attended 1 visit(s) so far");
        await Assertions.Expect(page.Locator("#print")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "referral-letter.png") });

        var manager = await fixture.OpenAsync($"/referrals/{clinic.Id}", 1440, 1000);
        await Assertions.Expect(manager.Locator("#conversion-total")).ToContainTextAsync("1 of 1 referral(s)", Patiently);
        await Assertions.Expect(manager.Locator("#conversion-total")).ToContainTextAsync("within 7 days: 100%");
        await Assertions.Expect(manager.Locator("#by-source tr[data-key=Physician] td")).ToHaveTextAsync(["1", "1", "100%"]);
        await Assertions.Expect(manager.Locator("#by-provider")).ToContainTextAsync("Dr. Omar Haddad");

        // The desk's own screen has no conversion figures: they are the manager's.
        await page.GoBackAsync();
        await Assertions.Expect(row).ToContainTextAsync("Converted within 7 days", Patiently);
        await Assertions.Expect(page.Locator("#conversion-total")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenAsAsync(StaffClient user, string path, int width = 1440, int height = 1000)
    {
        var page = await fixture.NewAnonymousPageAsync(width, height);
        await page.Context.AddCookiesAsync(user.Cookies.GetCookies(fixture.Node.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = fixture.Node.BaseAddress.ToString() }));
        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, path).ToString());
        return page;
    }
}
