using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Grains.Equipment;

namespace PtHub.Tests.Api;

/// <summary>
/// Equipment through the REST API: next service by calendar months across month ends, service records moving it,
/// due and overdue lists, and an item out of service taking its treatment space out of the schedule and the board.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class EquipmentApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2027-01-31", 1, "2027-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2027-03-31", 1, "2027-04-30")]
    [InlineData("2027-08-31", 6, "2028-02-29")]
    [InlineData("2027-12-15", 12, "2028-12-15")]
    public async Task NextServiceIsTheLastPlusCalendarMonthsClampedToTheMonthsEnd(string last, int months, string next)
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        var item = await Post($"/api/clinics/{clinic.Id}/equipment", new { type = "Treadmill", serial = "T-1", location = "Gym", intervalMonths = months, lastService = last });

        Assert.Equal(next, item["nextService"]!.GetValue<string>());
    }

    [Fact]
    public async Task AServiceRecordMovesTheLastAndNextServiceAndOffTheOverdueList()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        var today = await TodayAsync(clinic);
        var overdue = await Post(api, new { type = "Ultrasound", serial = "U-7", location = "Room 1", intervalMonths = 12, lastService = today.AddMonths(-13) });
        var due = await Post(api, new { type = "Hi-lo table", serial = "H-2", intervalMonths = 1, lastService = today.AddMonths(-1).AddDays(14) });
        await Post(api, new { type = "Bike", serial = "B-3", intervalMonths = 1, lastService = today.AddMonths(-1).AddDays(15) });

        var before = await Http.GetFromJsonAsync<JsonObject>($"{api}/due", Ct);
        Assert.Equal([overdue["itemId"]!.GetValue<string>()], Ids(before!["overdue"]!));
        Assert.Equal([due["itemId"]!.GetValue<string>()], Ids(before["due"]!));

        var serviced = await Post($"{api}/{overdue["itemId"]}/service", new { date = today, by = "Fix-it Co.", note = "Calibrated" });

        Assert.Equal((today.ToString("yyyy-MM-dd"), today.AddMonths(12).ToString("yyyy-MM-dd")),
            (serviced["lastService"]!.GetValue<string>(), serviced["nextService"]!.GetValue<string>()));
        Assert.Equal("Fix-it Co.", serviced["services"]![0]!["by"]!.GetValue<string>());
        var after = await Http.GetFromJsonAsync<JsonObject>($"{api}/due", Ct);
        Assert.Empty(after!["overdue"]!.AsArray());
    }

    [Fact]
    public async Task OutOfServiceTakesItsSpaceOutOfTheScheduleAndTheBoardAndBack()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        var item = await Post(api, new { type = "Traction table", serial = "TT-9", roomId = "room-1", intervalMonths = 6 });

        var outOf = await Post($"{api}/{item["itemId"]}/status", new { status = "OutOfService", takeSpaceOutOfService = true });

        Assert.Equal("OutOfService", outOf["status"]!.GetValue<string>());
        Assert.True(await RoomOutOfServiceAsync(clinic, "room-1"));
        Assert.False(await RoomOutOfServiceAsync(clinic, "gym"));
        var schedule = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/schedule", Ct);
        Assert.True(schedule!["frame"]!["spaces"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "room-1")!["outOfService"]!.GetValue<bool>());
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        (await clinic.CommandAsync(visitId, "check-in")).EnsureSuccessStatusCode();
        using (var refused = await clinic.CommandAsync(visitId, "assign", new { roomId = "room-1" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        await Post($"{api}/{item["itemId"]}/status", new { status = "InService" });

        Assert.False(await RoomOutOfServiceAsync(clinic, "room-1"));
        (await clinic.CommandAsync(visitId, "assign", new { roomId = "room-1" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ASetupDraftOpenedBeforeTheEquipmentWentOutCannotBringItsSpaceBack()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        var draft = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}", Ct))!;
        var item = await Post(api, new { type = "Traction table", serial = "TT-9", roomId = "room-1", intervalMonths = 6 });
        await Post($"{api}/{item["itemId"]}/status", new { status = "OutOfService", takeSpaceOutOfService = true });

        draft["lobbyMessage"] = "Welcome";
        using (var saved = await Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}", draft, Ct))
        {
            saved.EnsureSuccessStatusCode();
        }

        Assert.True(await RoomOutOfServiceAsync(clinic, "room-1"));
        Assert.Equal("Welcome", (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}", Ct))!["lobbyMessage"]!.GetValue<string>());
        await Post($"{api}/{item["itemId"]}/status", new { status = "InService" });
        Assert.False(await RoomOutOfServiceAsync(clinic, "room-1"));
    }

    [Fact]
    public async Task TheItemsAndTheirSpaceAgreeAfterEveryChangeAndASpaceStaysOutWhileAnyItemHoldsIt()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        var table = (await Post(api, new { type = "Traction table", serial = "TT-1", roomId = "room-1", intervalMonths = 6 }))["itemId"]!.GetValue<string>();
        var laser = (await Post(api, new { type = "Laser", serial = "L-2", roomId = "room-1", intervalMonths = 12 }))["itemId"]!.GetValue<string>();

        foreach (var (itemId, status, take, roomOut) in new[]
        {
            (table, "OutOfService", true, true), (laser, "OutOfService", true, true), (table, "InService", false, true), (laser, "InService", false, false),
            (laser, "OutOfService", false, false),
        })
        {
            var changed = await Post($"{api}/{itemId}/status", new { status, takeSpaceOutOfService = take });
            var items = (await Http.GetFromJsonAsync<JsonArray>(api, Ct))!;
            var holding = items.Count(i => i!["tookSpaceOutOfService"]!.GetValue<bool>());

            Assert.Equal(status, changed["status"]!.GetValue<string>());
            Assert.Equal(roomOut, await RoomOutOfServiceAsync(clinic, "room-1"));
            Assert.Equal(roomOut, holding > 0);
        }
    }

    [Fact]
    public async Task AnItemHoldingItsSpaceThatMovesHoldsTheNewSpaceAndGivesBackTheOld()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        var item = (await Post(api, new { type = "Hydrotherapy tub", serial = "HT-3", roomId = "room-1", intervalMonths = 3 }))["itemId"]!.GetValue<string>();
        await Post($"{api}/{item}/status", new { status = "OutOfService", takeSpaceOutOfService = true });

        using (var moved = await Http.PutAsJsonAsync($"{api}/{item}", new { type = "Hydrotherapy tub", serial = "HT-3", roomId = "gym", intervalMonths = 3 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        Assert.Equal((false, true), (await RoomOutOfServiceAsync(clinic, "room-1"), await RoomOutOfServiceAsync(clinic, "gym")));

        using (var unplaced = await Http.PutAsJsonAsync($"{api}/{item}", new { type = "Hydrotherapy tub", serial = "HT-3", location = "Store", intervalMonths = 3 }, Ct))
        {
            Assert.False((await unplaced.Content.ReadFromJsonAsync<JsonObject>(Ct))!["tookSpaceOutOfService"]!.GetValue<bool>());
        }

        Assert.Equal((false, false), (await RoomOutOfServiceAsync(clinic, "room-1"), await RoomOutOfServiceAsync(clinic, "gym")));
    }

    /// <summary>
    /// A node that stopped after writing an item's status and before the clinic's configuration followed leaves the
    /// state seeded here (the item written, its space listed to reconcile); the grain's next activation brings the
    /// configuration in line, whichever way the item went, and forgets the list.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnInterruptedStatusChangeIsReconciledOnTheNextActivation(bool holdsSpace)
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var grains = fixture.Node.Grains;
        if (!holdsSpace)
        {
            // The space an item had taken out, before the item went back in service.
            var config = (await grains.GetGrain<IClinicGrain>(clinic.Id).GetConfig())!;
            Assert.Null(await grains.GetGrain<IClinicGrain>(clinic.Id).Configure(config with
            {
                Rooms = [.. config.Rooms.Select(r => r.Id == "room-1" ? r with { OutOfService = true } : r)],
            }));
        }

        var grain = grains.GetGrain<IClinicEquipmentGrain>(clinic.Id);
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var storage = fixture.Node.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var stored = new GrainState<EquipmentState>(new EquipmentState());
        await storage.ReadStateAsync("equipment", grain.GetGrainId(), stored);
        stored.State = new EquipmentState
        {
            Items =
            [
                new EquipmentItem("tt-1", "Traction table", "TT-1", null, "room-1", 6, null,
                    holdsSpace ? EquipmentStatus.OutOfService : EquipmentStatus.InService, ValueList<ServiceRecord>.Empty, TookSpaceOutOfService: holdsSpace),
            ],
            SpacesToReconcile = ["room-1"],
        };
        await storage.WriteStateAsync("equipment", grain.GetGrainId(), stored);
        Assert.Equal(!holdsSpace, await RoomOutOfServiceAsync(clinic, "room-1"));

        var items = (await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/equipment", Ct))!;

        Assert.Equal(holdsSpace ? "OutOfService" : "InService", Assert.Single(items)!["status"]!.GetValue<string>());
        Assert.Equal(holdsSpace, await RoomOutOfServiceAsync(clinic, "room-1"));
        Assert.False(await RoomOutOfServiceAsync(clinic, "gym"));
        var after = new GrainState<EquipmentState>(new EquipmentState());
        await storage.ReadStateAsync("equipment", grain.GetGrainId(), after);
        Assert.Empty(after.State!.SpacesToReconcile);

        // Reconciling again (another activation) changes nothing.
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Single((await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/equipment", Ct))!);
        Assert.Equal(holdsSpace, await RoomOutOfServiceAsync(clinic, "room-1"));
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/equipment";
        var item = await Post(api, new { type = "Bike", serial = "B-1", location = "Gym", intervalMonths = 6, lastService = "2026-06-01" });
        var today = await TodayAsync(clinic);

        foreach (var (path, body, field) in new (string, object, string)[]
        {
            (api, new { serial = "X", intervalMonths = 6 }, "type"),
            (api, new { type = "Bike", serial = "X", intervalMonths = 0 }, "intervalMonths"),
            (api, new { type = "Bike", serial = "X", roomId = "no-such-room", intervalMonths = 6 }, "roomId"),
            ($"{api}/{item["itemId"]}/service", new { date = today.AddDays(1), by = "Fix-it Co." }, "date"),
            ($"{api}/{item["itemId"]}/service", new { date = today }, "by"),
            ($"{api}/{item["itemId"]}/status", new { }, "status"),
        })
        {
            using var response = await Http.PostAsJsonAsync(path, body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![field] is not null, $"{path}: {field}");
        }

        using (var response = await Http.PostAsJsonAsync($"{api}/{item["itemId"]}/status", new { status = "OutOfService", takeSpaceOutOfService = true }, Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        var stored = Assert.Single((await Http.GetFromJsonAsync<JsonArray>(api, Ct))!)!;
        Assert.Equal(("2026-06-01", "InService", 0), (stored["lastService"]!.GetValue<string>(), stored["status"]!.GetValue<string>(), stored["services"]!.AsArray().Count));
    }

    private static List<string> Ids(JsonNode list) => [.. list.AsArray().Select(i => i!["itemId"]!.GetValue<string>())];

    private async Task<DateOnly> TodayAsync(ApiClinic clinic)
    {
        var due = await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/equipment/due", Ct);
        return DateOnly.Parse(due!["today"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<bool> RoomOutOfServiceAsync(ApiClinic clinic, string roomId) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}", Ct))!["rooms"]!.AsArray()
            .Single(r => r!["id"]!.GetValue<string>() == roomId)!["outOfService"]!.GetValue<bool>();

    private async Task<JsonObject> Post(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
