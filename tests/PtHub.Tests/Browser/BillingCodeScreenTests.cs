using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The billing codes screen as a manager of a rehab clinic uses it: an occupational-therapy code added beside the built-in ones, a repeat refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BillingCodeScreenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AManagerAddsAnOccupationalTherapyCodeAndARepeatOfABuiltInCodeIsRefused()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var page = await fixture.OpenAsync($"/billing-codes/{clinic.Id}", 1440, 1000);
        await Assertions.Expect(page.Locator("tr[data-code='97110']")).ToContainTextAsync("Built in", new() { Timeout = 30_000 });

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add a code" });
        await form.GetByLabel("Code").FillAsync("97165");
        await form.GetByLabel("Billed").SelectOptionAsync("service");
        await form.GetByLabel("Kind").SelectOptionAsync("evaluation");
        await form.GetByLabel("Discipline").SelectOptionAsync("OT");
        await form.GetByLabel("Description").FillAsync("OT evaluation, low complexity");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add code" }).ClickAsync();

        var row = page.Locator("tr[data-code='97165']");
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(["Service-based (1 unit a day)", "Evaluation", "OT", "OT evaluation, low complexity", "This clinic", "Remove"],
            new() { Timeout = 30_000 });

        await form.GetByLabel("Code").FillAsync("97110");
        await form.GetByLabel("Description").FillAsync("Again");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add code" }).ClickAsync();
        await Assertions.Expect(page.Locator(".search-error")).ToContainTextAsync("97110 is a built-in code", new() { Timeout = 30_000 });

        var codes = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/billing-codes"))!;
        Assert.Equal(1, codes.Count(c => !c!["builtIn"]!.GetValue<bool>()));
    }
}
