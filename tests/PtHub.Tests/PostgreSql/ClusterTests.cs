namespace PtHub.Tests.PostgreSql;

/// <summary>Several PtHub nodes on one PostgreSQL database form one Orleans cluster and serve the same clinics.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_nodes_on_one_database_form_one_cluster_and_see_the_same_visits()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var a = await PostgreSqlNodes.StartAsync(database, clusterId);
        await using var b = await PostgreSqlNodes.StartAsync(database, clusterId);
        var siloA = PostgreSqlNodes.SiloOf(a);
        var siloB = PostgreSqlNodes.SiloOf(b);

        // Both silos are Active in the membership table, and each node's view of the cluster holds both.
        await PostgreSqlNodes.EventuallyAsync(async () =>
        {
            var rows = await PostgreSqlNodes.MembershipAsync(database, clusterId);
            return rows.GetValueOrDefault((siloA.Endpoint.Port, siloA.Generation)) == PostgreSqlNodes.ActiveStatus
                && rows.GetValueOrDefault((siloB.Endpoint.Port, siloB.Generation)) == PostgreSqlNodes.ActiveStatus;
        }, "both silos to be Active in OrleansMembershipTable");
        await PostgreSqlNodes.EventuallyAsync(async () =>
            (await a.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2
            && (await b.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2,
            "both nodes to see two active silos");

        // Configure, book and arrive through node A.
        var day = ClinicDay.New("cluster");
        await day.ConfigureAsync(a.Http);
        var patientId = await day.RegisterPatientAsync(a.Http, "Nora", "Quinn");
        var visitId = await day.BookAsync(a.Http, patientId, "t1", new TimeOnly(9, 0));
        var arrived = await day.CommandAsync(a.Http, visitId, "arrive");
        Assert.Equal("arrived", (string?)arrived["status"]);

        // Node B serves the same truth: the visit and the board row.
        var visitFromB = await day.GetVisitAsync(b.Http, visitId);
        Assert.Equal("arrived", (string?)visitFromB["visit"]!["status"]);
        Assert.Equal(["book", "arrive"], visitFromB["events"]!.AsArray().Select(e => (string?)e!["action"]));

        var boardFromB = await day.GetBoardAsync(b.Http);
        var row = Assert.Single(boardFromB["rows"]!.AsArray());
        Assert.Equal(visitId, (string?)row!["visitId"]);
        Assert.Equal("arrived", (string?)row["status"]);
        Assert.Equal("Quinn, Nora", (string?)row["patientName"]);

        // And a command through B is seen through A.
        await day.CommandAsync(b.Http, visitId, "check-in");
        Assert.Equal("checked-in", (string?)(await day.GetVisitAsync(a.Http, visitId))["visit"]!["status"]);
        Assert.Equal(await day.GetBoardRowsJsonAsync(a.Http), await day.GetBoardRowsJsonAsync(b.Http));

        await b.StopAsync();
        await a.StopAsync();
    }
}
