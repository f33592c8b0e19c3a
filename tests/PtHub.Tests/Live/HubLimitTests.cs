using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;
using PtHub.Web.Hubs;
using PtHub.Tests.Api;
using NodeCollection = PtHub.Tests.Api.NodeCollection;
using NodeFixture = PtHub.Tests.Api.NodeFixture;

namespace PtHub.Tests.Live;

/// <summary>What one live-hub connection may send, through the real SignalR client.</summary>
[Collection(NodeCollection.Name)]
public sealed class HubLimitTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMessageOverTheSizeLimitClosesTheConnection()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/dashboard"), desk.Authenticate)
            .Build();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await connection.StartAsync(Ct);

        // 8 KB: under SignalR's default of 32 KB, over the hub's 4 KB.
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<System.Text.Json.JsonElement>("SubscribeBoard", new string('x', 8 * 1024), Ct));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    /// <summary>
    /// 3,000 refused SubscribeBoard calls as fast as the client sends them: the eleventh refusal closes the connection
    /// (with the reason sent first), and the audit holds two rows for them: the first refusal, and one counting the
    /// repeats, not one row each.
    /// </summary>
    [Fact]
    public async Task AFloodOfRefusedJoinsClosesTheConnectionAndLeavesTwoAuditRows()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        var elsewhere = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [elsewhere.Id]);
        var (connection, closed, reasons) = await ConnectAsync(desk);
        await using var _ = connection;

        var calls = Enumerable.Range(0, 3000).Select(_ => connection.InvokeAsync<JsonElement>("SubscribeBoard", clinic.Id, Ct)).ToList();
        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => call);
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await fixture.Node.Services.GetRequiredService<DeniedJoinLog>().FlushAsync(all: true);

        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Equal(["More than 10 refused subscriptions: the connection is closed."], reasons);
        var rows = (await fixture.Node.Http.GetFromJsonAsync<JsonArray>(
            $"/api/clinics/_system/audit?userId={desk.UserName.ToLowerInvariant()}&limit=5000", Ct))!
            .Where(e => e!["action"]!.GetValue<string>() == "board.view").Select(e => e!["resource"]!.GetValue<string>()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("hub:SubscribeBoard", rows[1]);
        Assert.StartsWith("hub:SubscribeBoard (refused 10 more times since ", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreCallsInOneSecondThanTheLimitCloseTheConnection()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var (connection, closed, reasons) = await ConnectAsync(desk);
        await using var _ = connection;

        // Unsubscribing is cheap and never refused: only the rate can close the connection. 3,000 sent at once arrive
        // far faster than 20 a second.
        var calls = Enumerable.Range(0, 3000).Select(_ => connection.InvokeAsync("Unsubscribe", clinic.Id, DashboardView.Lobby, Ct)).ToList();
        await Task.WhenAll(calls.Select(async c => await Record.ExceptionAsync(() => c)));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(["More than 20 calls in one second: the connection is closed."], reasons);
        // The call that went over is refused, or cut off with the connection; later ones never run.
        Assert.Contains(calls, c => c.IsFaulted || c.IsCanceled);
    }

    [Fact]
    public async Task WatchingOneViewMoreThanTheLimitClosesTheConnection()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var (connection, closed, reasons) = await ConnectAsync(desk);
        await using var _ = connection;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Sixteen schedules at once are allowed (awaited one by one, well under the call rate); the seventeenth is not.
        for (var day = 0; day < 16; day++)
        {
            await connection.InvokeAsync<JsonElement>("SubscribeSchedule", clinic.Id, today.AddDays(day), Ct);
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<JsonElement>("SubscribeSchedule", clinic.Id, today.AddDays(16), Ct));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(["More than 16 views watched at once: the connection is closed."], reasons);
        Assert.NotNull(refused);
    }

    private async Task<(HubConnection Connection, TaskCompletionSource<Exception?> Closed, List<string> Reasons)> ConnectAsync(StaffClient user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Node.BaseAddress, "/hubs/dashboard"), user.Authenticate)
            .Build();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reasons = new List<string>();
        connection.On<string>("Closing", reason =>
        {
            lock (reasons)
            {
                reasons.Add(reason);
            }
        });
        connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await connection.StartAsync(Ct);
        return (connection, closed, reasons);
    }
}
