namespace PtHub.Tests.PostgreSql;

/// <summary>Everything a clinic day accepted is in PostgreSQL: a new node on the same database serves it unchanged.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_new_node_serves_the_same_board_and_visit_histories_after_the_cluster_stopped()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        var day = ClinicDay.New("restart");
        string before;
        IReadOnlyList<string> visitIds;

        await using (var a = await PostgreSqlNodes.StartAsync(database, clusterId))
        await using (var b = await PostgreSqlNodes.StartAsync(database, clusterId))
        {
            visitIds = await day.PlayAsync(a.Http);

            // One more change through the second node, so both nodes' writes must survive.
            await day.CommandAsync(b.Http, visitIds[3], "check-in");

            before = await day.CaptureAsync(a.Http, visitIds);
            Assert.Equal(before, await day.CaptureAsync(b.Http, visitIds));
            await b.StopAsync();
            await a.StopAsync();
        }

        await using var c = await PostgreSqlNodes.StartAsync(database, clusterId);
        var after = await day.CaptureAsync(c.Http, visitIds);

        Assert.Equal(before, after);
        var statuses = (await day.GetBoardAsync(c.Http))["rows"]!.AsArray().Select(r => (string?)r!["status"]);
        Assert.Equal(["checked-out", "in-treatment", "checked-in", "checked-in", "booked", "cancelled"], statuses);

        // The restored visits still take commands.
        var finished = await day.CommandAsync(c.Http, visitIds[1], "finish");
        Assert.Equal("finished", (string?)finished["status"]);
        await c.StopAsync();
    }
}
