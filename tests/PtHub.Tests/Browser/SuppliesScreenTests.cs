using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The supplies screen as a manager keeps it: add an item, receive a delivery, use too much, count the shelf, see it low.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SuppliesScreenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AManagerReceivesUsesAndCountsAnItemUntilItShowsLowStock()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var page = await fixture.OpenAsync($"/supplies/{clinic.Id}", 1440, 900);
        await Assertions.Expect(page.Locator("#low-count")).ToContainTextAsync("Nothing is low", new() { Timeout = 30_000 });
        // The page's static "Loading…" line goes once the screen is drawn.
        await Assertions.Expect(page.GetByText("Loading…")).ToBeHiddenAsync();

        var add = page.GetByRole(AriaRole.Form, new() { Name = "Add a supply item" });
        await add.GetByLabel("Name").FillAsync("Electrode pads");
        await add.GetByLabel("Unit").FillAsync("pack");
        await add.GetByLabel("Supplier").FillAsync("Acme Medical");
        await add.GetByLabel("Reorder at").FillAsync("3");
        await add.GetByLabel("Reorder qty").FillAsync("20");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        var row = page.Locator("table.supplies tbody tr", new() { HasText = "Electrode pads" });
        await Assertions.Expect(row).ToContainTextAsync("Low stock");

        await Step(page, row, "Receive…", "Quantity", "10");
        await Assertions.Expect(row).ToContainTextAsync("10 pack");
        await Assertions.Expect(row).Not.ToContainTextAsync("Low stock");

        await row.GetByRole(AriaRole.Button, new() { Name = "Use…" }).ClickAsync();
        await page.Locator("#supply-dialog").GetByLabel("Quantity").FillAsync("11");
        await page.Locator("#supply-dialog").GetByRole(AriaRole.Button, new() { Name = "Use" }).ClickAsync();
        await Assertions.Expect(page.Locator("#supply-dialog [role=alert]")).ToContainTextAsync("Only 10 pack");
        await page.Locator("#supply-dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Step(page, row, "Count…", "Counted on the shelf", "2");
        await Assertions.Expect(row).ToContainTextAsync("2 pack");
        await Assertions.Expect(row).ToContainTextAsync("Low stock");
        await Assertions.Expect(page.Locator("#low-count")).ToContainTextAsync("1 item(s)");

        var history = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/supplies/history"))!;
        Assert.Equal(["Counted", "Received"], history.Select(m => m!["kind"]!.GetValue<string>()));
        Assert.Equal(-8, history[0]!["change"]!.GetValue<int>());
        var csv = await fixture.Node.Http.GetStringAsync($"/api/clinics/{clinic.Id}/supplies/reorder.csv");
        Assert.Contains("Electrode pads,Acme Medical,2,20", csv, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#reorder-csv")).ToHaveAttributeAsync("href", $"/api/clinics/{clinic.Id}/supplies/reorder.csv");

        await page.GotoAsync(new Uri(fixture.Node.BaseAddress, $"/manager/{clinic.Id}").ToString());
        await Assertions.Expect(page.Locator("#back-office")).ToContainTextAsync("1 supply item(s) low on stock", new() { Timeout = 30_000 });
    }

    private static async Task Step(IPage page, ILocator row, string button, string label, string quantity)
    {
        await row.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        var dialog = page.Locator("#supply-dialog");
        await dialog.GetByLabel(label).FillAsync(quantity);
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
    }
}
