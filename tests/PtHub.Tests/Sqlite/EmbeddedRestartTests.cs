using PtHub.Tests.Infrastructure;
using PtHub.Tests.PostgreSql;

namespace PtHub.Tests.Sqlite;

/// <summary>The embedded mode keeps a clinic day in its SQLite file: a node started again on the file serves it unchanged.</summary>
public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task A_node_restarted_on_the_same_sqlite_file_serves_the_same_board_and_visit_histories()
    {
        var databasePath = TempPaths.NewDatabase();
        var day = ClinicDay.New("embedded");
        string before;
        IReadOnlyList<string> visitIds;

        await using (var first = await AppNode.StartSqliteAsync(databasePath))
        {
            visitIds = await day.PlayAsync(first.Http);
            before = await day.CaptureAsync(first.Http, visitIds);
            await first.StopAsync();
        }

        Assert.True(File.Exists(databasePath), $"The SQLite database {databasePath} was not written.");

        await using var second = await AppNode.StartSqliteAsync(databasePath);
        var after = await day.CaptureAsync(second.Http, visitIds);

        Assert.Equal(before, after);
        var statuses = (await day.GetBoardAsync(second.Http))["rows"]!.AsArray().Select(r => (string?)r!["status"]);
        Assert.Equal(["checked-out", "in-treatment", "checked-in", "arrived", "booked", "cancelled"], statuses);

        // The restored visits still take commands.
        var finished = await day.CommandAsync(second.Http, visitIds[1], "finish");
        Assert.Equal("finished", (string?)finished["status"]);
        await second.StopAsync();
    }
}
