using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Api;

/// <summary>
/// Supplies through the REST API: stock moves only by receiving, using and counting; a use beyond the stock is
/// refused saying how many are left; a count replaces the stock and records the difference; bad input changes nothing.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class SuppliesApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UseBeyondTheStockIsRefusedSayingHowManyAreLeftAndChangesNothing()
    {
        var (api, itemId) = await ItemAsync(reorderPoint: 1);
        await Post($"{api}/{itemId}/receive", new { quantity = 3 });

        using var refused = await Http.PostAsJsonAsync($"{api}/{itemId}/use", new { quantity = 4 }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Only 3 roll", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, await StockAsync(api, itemId));
        Assert.Single(await HistoryAsync(api, itemId));
    }

    [Fact]
    public async Task EachItemKeepsItsLast200MovementsAndTheStockStaysWhole()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var (api, busy) = await ItemAsync(clinic);
        var (_, quiet) = await ItemAsync(clinic);
        await Post($"{api}/{quiet}/receive", new { quantity = 7 });
        for (var i = 1; i <= 201; i++)
        {
            await Post($"{api}/{busy}/receive", new { quantity = i });
        }

        var kept = await HistoryAsync(api, busy);

        Assert.Equal(200, kept.Count);
        // Newest first: the 201st delivery down to the 2nd; the 1st is gone, its quantity still in the stock.
        Assert.Equal((201, 2), (kept[0]!["change"]!.GetValue<int>(), kept[^1]!["change"]!.GetValue<int>()));
        Assert.Equal(201 * 202 / 2, await StockAsync(api, busy));
        Assert.Equal(7, Assert.Single(await HistoryAsync(api, quiet))!["change"]!.GetValue<int>());
    }

    [Fact]
    public async Task UsingEverythingLeavesZeroAndNamesTheVisit()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        var (api, itemId) = await ItemAsync(clinic);
        await Post($"{api}/{itemId}/receive", new { quantity = 2 });

        var used = await Post($"{api}/{itemId}/use", new { quantity = 2, visitId });

        Assert.Equal(0, used["stock"]!.GetValue<int>());
        var last = (await HistoryAsync(api, itemId))[0]!;
        Assert.Equal(("Used", -2, 0, visitId), (last["kind"]!.GetValue<string>(), last["change"]!.GetValue<int>(),
            last["stockAfter"]!.GetValue<int>(), last["visitId"]!.GetValue<string>()));
        Assert.Equal("admin", last["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACountReplacesTheStockAndRecordsTheDifference()
    {
        var (api, itemId) = await ItemAsync();
        await Post($"{api}/{itemId}/receive", new { quantity = 10 });

        var counted = await Post($"{api}/{itemId}/count", new { quantity = 7 });

        Assert.Equal(7, counted["stock"]!.GetValue<int>());
        var history = await HistoryAsync(api, itemId);
        Assert.Equal(("Counted", -3, 7), (history[0]!["kind"]!.GetValue<string>(), history[0]!["change"]!.GetValue<int>(), history[0]!["stockAfter"]!.GetValue<int>()));
        Assert.Equal(("Received", 10), (history[1]!["kind"]!.GetValue<string>(), history[1]!["change"]!.GetValue<int>()));
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndChangesNothing()
    {
        var (api, itemId) = await ItemAsync();
        await Post($"{api}/{itemId}/receive", new { quantity = 5 });

        foreach (var (path, body, field) in new (string, object, string)[]
        {
            ($"{api}/{itemId}/use", new { quantity = 0 }, "quantity"),
            ($"{api}/{itemId}/use", new { quantity = -2 }, "quantity"),
            ($"{api}/{itemId}/receive", new { }, "quantity"),
            ($"{api}/{itemId}/count", new { quantity = -1 }, "quantity"),
            ($"{api}/{itemId}/use", new { quantity = 1, visitId = "no-such-visit" }, "visitId"),
            (api, new { unit = "box", reorderPoint = 1, reorderQuantity = 5 }, "name"),
            (api, new { name = "Gel", unit = "bottle", reorderPoint = -1, reorderQuantity = 5 }, "reorderPoint"),
        })
        {
            using var response = await Http.PostAsJsonAsync(path, body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![field] is not null, $"{path}: {field}");
        }

        using var update = await Http.PutAsJsonAsync($"{api}/{itemId}", new { name = " ", unit = "roll", reorderPoint = 1, reorderQuantity = 5 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        var items = await Http.GetFromJsonAsync<JsonArray>(api, Ct);
        var item = Assert.Single(items!)!;
        Assert.Equal(("Tape", 5), (item["name"]!.GetValue<string>(), item["stock"]!.GetValue<int>()));
        Assert.Single(await HistoryAsync(api, itemId));
    }

    [Fact]
    public async Task LowStockAndTheReorderCsvListItemsAtOrUnderTheirReorderPoint()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var (api, atPoint) = await ItemAsync(clinic, "Tape", reorderPoint: 2);
        var (_, above) = await ItemAsync(clinic, "Gel", reorderPoint: 2);
        await Post($"{api}/{atPoint}/receive", new { quantity = 2 });
        await Post($"{api}/{above}/receive", new { quantity = 3 });

        var low = await Http.GetFromJsonAsync<JsonArray>($"{api}/low-stock", Ct);
        var csv = await Http.GetStringAsync($"{api}/reorder.csv", Ct);

        Assert.Equal([atPoint], low!.Select(i => i!["itemId"]!.GetValue<string>()));
        Assert.True(low![0]!["low"]!.GetValue<bool>());
        Assert.Equal("item,supplier,stock,reorder quantity\nTape,Acme Medical,2,12\n", csv);
    }

    [Fact]
    public async Task TheFrontDeskRecordsUseAndReceivingButManagersCount()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var (api, itemId) = await ItemAsync(clinic);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        using var received = await desk.Http.PostAsJsonAsync($"{api}/{itemId}/receive", new { quantity = 4 }, Ct);
        using var used = await desk.Http.PostAsJsonAsync($"{api}/{itemId}/use", new { quantity = 1 }, Ct);
        using var count = await desk.Http.PostAsJsonAsync($"{api}/{itemId}/count", new { quantity = 9 }, Ct);
        using var add = await desk.Http.PostAsJsonAsync(api, new { name = "Gel", unit = "bottle", reorderPoint = 1, reorderQuantity = 5 }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (received.StatusCode, used.StatusCode, count.StatusCode, add.StatusCode));
        Assert.Equal(3, await StockAsync(api, itemId));
        Assert.Equal(desk.UserName.ToLowerInvariant(), (await HistoryAsync(api, itemId))[0]!["by"]!.GetValue<string>().ToLowerInvariant());
    }

    private async Task<(string Api, string ItemId)> ItemAsync(int reorderPoint = 2) => await ItemAsync(await ApiClinic.CreateAsync(Http), "Tape", reorderPoint);

    private async Task<(string Api, string ItemId)> ItemAsync(ApiClinic clinic, string name = "Tape", int reorderPoint = 2)
    {
        var api = $"/api/clinics/{clinic.Id}/supplies";
        var created = await Post(api, new { name, unit = "roll", supplier = "Acme Medical", reorderPoint, reorderQuantity = 12 });
        return (api, created["itemId"]!.GetValue<string>());
    }

    private async Task<JsonObject> Post(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private async Task<int> StockAsync(string api, string itemId) =>
        (await Http.GetFromJsonAsync<JsonArray>(api, Ct))!.Single(i => i!["itemId"]!.GetValue<string>() == itemId)!["stock"]!.GetValue<int>();

    private async Task<JsonArray> HistoryAsync(string api, string itemId) =>
        (await Http.GetFromJsonAsync<JsonArray>($"{api}/history?itemId={itemId}", Ct))!;
}
