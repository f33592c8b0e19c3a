using Microsoft.AspNetCore.SignalR.Client;
using PtHub.Grains.Contracts;
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
}
