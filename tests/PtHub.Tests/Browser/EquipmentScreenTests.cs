using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The equipment screen as a manager keeps it: an overdue item serviced, then taken out of service with its room, and back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EquipmentScreenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AManagerServicesAnOverdueItemAndTakesItsRoomOutOfServiceAndBack()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        (await fixture.Node.Http.PostAsJsonAsync(api, new { type = "Traction table", serial = "TT-9", roomId = "room-1", intervalMonths = 6, lastService = "2025-01-31" }))
            .EnsureSuccessStatusCode();
        var page = await fixture.OpenAsync($"/equipment/{clinic.Id}", 1440, 900);
        var row = page.Locator("table.equipment tbody tr", new() { HasText = "TT-9" });
        await Assertions.Expect(row).ToContainTextAsync("Overdue", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Room 1");

        await row.GetByRole(AriaRole.Button, new() { Name = "Record service…" }).ClickAsync();
        var dialog = page.Locator("#service-dialog");
        await dialog.GetByLabel("By").FillAsync("Fix-it Co.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record service" }).ClickAsync();
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Service recorded");
        await Assertions.Expect(row).Not.ToContainTextAsync("Overdue");
        await Assertions.Expect(page.Locator("#due-count")).ToContainTextAsync("0 overdue");

        await row.GetByRole(AriaRole.Button, new() { Name = "Take out of service" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Out of service");
        await Assertions.Expect(page.Locator("#said")).ToContainTextAsync("Room 1 is out of service too");
        Assert.True(await RoomOutOfServiceAsync(clinic.Id));

        await row.GetByRole(AriaRole.Button, new() { Name = "Back in service" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("In service");
        Assert.False(await RoomOutOfServiceAsync(clinic.Id));
    }

    private async Task<bool> RoomOutOfServiceAsync(string clinicId) =>
        (await fixture.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}"))!["rooms"]!.AsArray()
            .Single(r => r!["id"]!.GetValue<string>() == "room-1")!["outOfService"]!.GetValue<bool>();
}
