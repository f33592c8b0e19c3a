using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;
using PtHub.Tests.PostgreSql;

namespace PtHub.Tests.Live;

/// <summary>Two nodes (silo + web endpoint each) on one PostgreSQL cluster; screens on either node see every change.</summary>
public sealed class TwoNodeLiveTests
{
    private static Task<AppNode> StartNodeAsync(string database, string clusterId) =>
        AppNode.StartAsync(
        [
            ("PtHub:Storage", "PostgreSql"),
            ("PtHub:PostgreSqlConnectionString", database),
            ("PtHub:ClusterId", clusterId),
            ("PtHub:WatchRenewSeconds", "0.5"),
        ]);

    [Fact]
    public async Task ScreensOnEitherNodeSeeEveryChangeAndSurviveTheNodeHoldingTheClinicStopping()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        var a = await StartNodeAsync(database, clusterId);
        var b = await StartNodeAsync(database, clusterId);
        await PostgreSqlNodes.EventuallyAsync(async () =>
            (await a.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2,
            "both silos active");
        var clinic = await ApiClinic.CreateAsync(a.Http);
        var onA = await LiveClient.ConnectAsync(a, clinic.Id, DashboardView.Board);
        var onB = await LiveClient.ConnectAsync(b, clinic.Id, DashboardView.Board);

        var first = await clinic.BookAsync(await clinic.AddPatientAsync());
        (await clinic.CommandAsync(first, "arrive")).EnsureSuccessStatusCode();
        await onB.WaitUntilAsync(c => c.Rows.Any(r => r.Status == VisitStatus.Arrived), "an arrival made through the other node");
        await onA.WaitUntilAsync(c => c.Rows.Any(r => r.Status == VisitStatus.Arrived), "an arrival made through its own node");

        // Stop the node whose silo holds the clinic-day's live grain (the views and their subscribers); the screens of the other node must carry on.
        var host = await HostOfClinicDayAsync(a, clinic.Id);
        var (stopped, survivor, survivingClient, lostClient) = host == PostgreSqlNodes.SiloOf(a) ? (a, b, onB, onA) : (b, a, onA, onB);
        await lostClient.DisposeAsync();
        await stopped.StopAsync();
        await stopped.DisposeAsync();

        var survivorClinic = new ApiClinic(survivor.Http, clinic.Id);
        var second = await survivorClinic.BookAsync(await survivorClinic.AddPatientAsync("Tom", "Hanks"));
        (await survivorClinic.CommandAsync(second, "arrive")).EnsureSuccessStatusCode();
        (await survivorClinic.CommandAsync(first, "check-in")).EnsureSuccessStatusCode();

        await survivingClient.WaitUntilAsync(
            c => c.Rows.Count == 2 && c.Rows.Any(r => r.VisitId == first && r.Status == VisitStatus.CheckedIn)
                && c.Rows.Any(r => r.VisitId == second && r.Status == VisitStatus.Arrived),
            "the changes made after the other node stopped");
        Assert.Equal(PostgreSqlNodes.SiloOf(survivor), await HostOfClinicDayAsync(survivor, clinic.Id));
        await survivingClient.DisposeAsync();
        await survivor.DisposeAsync();
    }

    private static async Task<SiloAddress> HostOfClinicDayAsync(AppNode node, string clinicId)
    {
        var stats = await node.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return stats.Single(s => s.GrainId.ToString().Contains(clinicId, StringComparison.Ordinal) && s.GrainId.ToString().StartsWith("clinicdaylive/", StringComparison.Ordinal)).SiloAddress;
    }
}
