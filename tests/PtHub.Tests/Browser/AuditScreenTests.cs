using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PtHub.Tests.Api;

namespace PtHub.Tests.Browser;

/// <summary>The audit log screen as a compliance officer uses it: who touched one patient's record, exported, verified.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditScreenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AManagerFindsWhoReadAPatientExportsItAndTheChainsVerify()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Ines", "Duarte");
        var other = await clinic.AddPatientAsync("Paul", "Okafor");
        foreach (var id in new[] { patientId, patientId, other })
        {
            (await fixture.Node.Http.GetAsync($"/api/clinics/{clinic.Id}/patients/{id}")).EnsureSuccessStatusCode();
        }

        var page = await fixture.OpenAsync($"/audit/{clinic.Id}", 1440, 900);
        await Assertions.Expect(page.Locator("#count")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("Patient id").FillAsync(patientId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var expected = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/audit?patientId={patientId}"))!;
        Assert.True(expected.Count >= 2, $"two reads of the patient at least, got {expected.Count}");
        var rows = page.Locator("table.audit tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
        await Assertions.Expect(rows.Filter(new() { HasText = "patient.read" })).ToHaveCountAsync(2);
        Assert.All(await page.Locator("table.audit tbody tr td:nth-child(5)").AllTextContentsAsync(), cell => Assert.Equal(patientId, cell.Trim()));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv").ClickAsync());
        string csv;
        await using (var stream = await download.CreateReadStreamAsync())
        using (var reader = new StreamReader(stream))
        {
            csv = await reader.ReadToEndAsync();
        }

        await download.DeleteAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("chain,sequence,at,user_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(expected.Count, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(patientId, line, StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify every chain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("Every chain is intact");
    }

    /// <summary>A board read names every patient of the day: the log finds it under each, and lists them when opened.</summary>
    [Fact]
    public async Task AManagerFindsABoardReadUnderEachPatientItShowed()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var patientId = await clinic.AddPatientAsync("Ines", "Duarte");
        var other = await clinic.AddPatientAsync("Paul", "Okafor");
        await clinic.BookAsync(patientId, "ann");
        await clinic.BookAsync(other, "bob");
        (await fixture.Node.Http.GetAsync($"/api/clinics/{clinic.Id}/board")).EnsureSuccessStatusCode();

        var page = await fixture.OpenAsync($"/audit/{clinic.Id}", 1440, 900);
        await Assertions.Expect(page.Locator("#count")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("Patient id").FillAsync(other);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var read = page.Locator("table.audit tbody tr").Filter(new() { HasText = "board.read" });
        await Assertions.Expect(read).ToHaveCountAsync(1);
        await Assertions.Expect(read.Locator("details.disclosed summary")).ToHaveTextAsync("2 patients");
        await read.Locator("details.disclosed summary").ClickAsync();
        var listed = await read.Locator("details.disclosed li").AllTextContentsAsync();
        Assert.Equal(new[] { patientId, other }.Order(StringComparer.Ordinal), listed.Select(l => l.Trim()));

        // A patient's id in the list narrows the log to that patient, whose entries include the same board read.
        await read.Locator("details.disclosed li button", new() { HasText = patientId }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Patient id")).ToHaveValueAsync(patientId);
        await Assertions.Expect(page.Locator("table.audit tbody tr").Filter(new() { HasText = "board.read" })).ToHaveCountAsync(1);
    }
}
