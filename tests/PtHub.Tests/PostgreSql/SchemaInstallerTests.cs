using Npgsql;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.PostgreSql;

/// <summary>The PostgreSQL schema scripts against a real server: complete, idempotent, and safe to run from two nodes at once.</summary>
public sealed class SchemaInstallerTests
{
    /// <summary>Unquoted names fold to lower case in PostgreSQL.</summary>
    private static readonly string[] Tables =
    [
        "orleansquery",
        "orleansmembershipversiontable",
        "orleansmembershiptable",
        "orleansstorage",
        "orleansreminderstable",
        "pthub_visit_events",
    ];

    /// <summary>Every named query the Orleans 10.4 ADO.NET clustering, persistence and reminder providers look up.</summary>
    private static readonly string[] RequiredQueryKeys =
    [
        "InsertMembershipVersionKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "DeleteMembershipTableEntriesKey",
        "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
        "WriteToStorageKey",
        "ReadFromStorageKey",
        "ClearStorageKey",
        "DeleteStorageKey",
        "UpsertReminderRowKey",
        "ReadReminderRowsKey",
        "ReadReminderRowKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applying_the_schema_twice_to_a_fresh_database_creates_everything_once()
    {
        var database = await PostgresServer.CreateDatabaseAsync();

        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        var afterFirst = await ReadQueriesAsync(database);
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        var afterSecond = await ReadQueriesAsync(database);

        await AssertCompleteAsync(database);
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task Two_installers_running_at_once_on_a_fresh_database_both_succeed()
    {
        var database = await PostgresServer.CreateDatabaseAsync();

        await Task.WhenAll(
            Task.Run(() => SchemaInstaller.ApplyPostgreSqlAsync(database, Ct), Ct),
            Task.Run(() => SchemaInstaller.ApplyPostgreSqlAsync(database, Ct), Ct));

        await AssertCompleteAsync(database);
    }

    private static async Task AssertCompleteAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);

        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.All(Tables, table => Assert.Contains(table, tables));

        var queries = await ReadQueriesAsync(database);
        Assert.All(RequiredQueryKeys, key =>
        {
            Assert.True(queries.ContainsKey(key), $"OrleansQuery lacks {key}");
            Assert.False(string.IsNullOrWhiteSpace(queries[key]), $"OrleansQuery.{key} is empty");
        });
    }

    private static async Task<SortedDictionary<string, string>> ReadQueriesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var queries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            // A duplicate key would throw here; the primary key should make that impossible anyway.
            queries.Add(reader.GetString(0), reader.GetString(1));
        }

        return queries;
    }
}
