using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.PostgreSql;

/// <summary>Starting PtHub nodes on a PostgreSQL database and looking at what they wrote there.</summary>
internal static class PostgreSqlNodes
{
    /// <summary>Orleans' <c>SiloStatus.Active</c> as stored in <c>OrleansMembershipTable.Status</c>.</summary>
    public const int ActiveStatus = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh database of its own and a cluster id of its own.</summary>
    public static async Task<(string Database, string ClusterId)> NewClusterAsync() =>
        (await PostgresServer.CreateDatabaseAsync(), $"pthub-test-{Guid.NewGuid():N}");

    public static Task<AppNode> StartAsync(string database, string clusterId) =>
        AppNode.StartAsync(
        [
            ("PtHub:Storage", "PostgreSql"),
            ("PtHub:PostgreSqlConnectionString", database),
            ("PtHub:ClusterId", clusterId),
        ]);

    /// <summary>This node's silo in the membership table: its port and generation.</summary>
    public static SiloAddress SiloOf(AppNode node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>The membership table's rows of a cluster: (port, generation) → status.</summary>
    public static async Task<Dictionary<(int Port, int Generation), int>> MembershipAsync(string database, string clusterId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new Dictionary<(int Port, int Generation), int>();
        while (await reader.ReadAsync(Ct))
        {
            rows[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetInt32(2);
        }

        return rows;
    }

    /// <summary>Polls <paramref name="condition"/> a bounded number of times, 50 ms apart; fails with <paramref name="what"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int tries = 400)
    {
        for (var i = 0; i < tries; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail($"Gave up waiting for {what} after {tries} tries.");
    }
}
