using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;
using NodeCollection = PtHub.Tests.Api.NodeCollection;
using NodeFixture = PtHub.Tests.Api.NodeFixture;

namespace PtHub.Tests.Live;

/// <summary>A therapist's live day through the real SignalR client: their own patients only, never another therapist's.</summary>
[Collection(NodeCollection.Name)]
public sealed class TherapistDayLiveTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HubConnection> ConnectAsync(AppNode node, StaffClient staff)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/dashboard"), staff.Authenticate)
            .Build();
        await connection.StartAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task ATherapistGetsTheirOwnVisitsLiveAndNoOneElses()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var ann = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");
        await using var connection = await ConnectAsync(fixture.Node, ann);
        var pushes = new List<System.Text.Json.JsonElement>();
        var got = new TaskCompletionSource();
        connection.On<System.Text.Json.JsonElement>("TherapistDayChanged", delta =>
        {
            lock (pushes)
            {
                pushes.Add(delta);
                if (delta.GetProperty("upserts").GetArrayLength() > 0)
                {
                    got.TrySetResult();
                }
            }
        });

        var snapshot = await connection.InvokeAsync<System.Text.Json.JsonElement>("SubscribeTherapistDay", clinic.Id, "ann", Ct);
        var bobs = await clinic.BookAsync(await clinic.AddPatientAsync("Otto", "Other"), "bob");
        var anns = await clinic.BookAsync(await clinic.AddPatientAsync("Nora", "Next"), "ann");
        await got.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(0, snapshot.GetProperty("visits").GetArrayLength());
        string all;
        lock (pushes)
        {
            all = string.Join("\n", pushes.Select(p => p.GetRawText()));
            Assert.Contains(pushes, p => p.GetProperty("upserts").EnumerateArray().Any(v => v.GetProperty("visitId").GetString() == anns));
        }

        Assert.DoesNotContain("Otto", all, StringComparison.Ordinal);
        Assert.DoesNotContain("copay", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alerts", all, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(bobs);
    }

    [Fact]
    public async Task ATherapistCannotWatchAnotherTherapistsDay()
    {
        var clinic = await ApiClinic.CreateAsync(fixture.Node.Http);
        using var ann = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");
        await using var connection = await ConnectAsync(fixture.Node, ann);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object>("SubscribeTherapistDay", clinic.Id, "bob", Ct));

        Assert.Contains("their own day only", refused.Message, StringComparison.Ordinal);
    }
}
