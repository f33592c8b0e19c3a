using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;
using PtHub.Tests.PostgreSql;
using PtHub.Web;

namespace PtHub.Tests.Audit;

/// <summary>The audit log on a real PostgreSQL: durable under load and across nodes, append-only, tampering detected.</summary>
public sealed class PostgreSqlAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appends_at_once_are_stored_gap_free_and_the_chain_continues_on_another_node()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        var clinic = Records.NewClinic("pg-burst");
        AuditEntry[] appended;
        await using (var a = await PostgreSqlNodes.StartAsync(database, clusterId))
        {
            var chain = a.Grains.GetGrain<IAuditChainGrain>(clinic);
            appended = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => chain.Append(Records.Read(clinic, patientId: $"p-{i}"))));
            await a.StopAsync();
        }

        await using var b = await PostgreSqlNodes.StartAsync(database, clusterId);
        var next = await b.Grains.GetGrain<IAuditChainGrain>(clinic).Append(Records.Read(clinic, patientId: "p-after"));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), appended.Select(e => e.Sequence).Order());
        Assert.Equal((201L, appended.MaxBy(e => e.Sequence)!.Hash), (next.Sequence, next.PreviousHash));
        await using var dataSource = NpgsqlDataSource.Create(database);
        var store = new PostgreSqlAuditStore(dataSource);
        Assert.Equal([.. appended.OrderBy(e => e.Sequence), next], await store.QueryAsync(new(clinic, Limit: 5000, NewestFirst: false), Ct));
        var result = await AuditVerifier.VerifyAsync(store, Ct);
        Assert.Equal((1, 201L, true), (result.ChainsChecked, result.EntriesChecked, result.Intact));
        await b.StopAsync();
    }

    [Fact]
    public async Task The_table_refuses_update_delete_and_truncate_even_to_a_superuser()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var dataSource = NpgsqlDataSource.Create(database);
        await AppendAsync(new PostgreSqlAuditStore(dataSource), "clinic-a", 2);

        foreach (var sql in new[] { "UPDATE pthub_audit SET role = 'admin'", "DELETE FROM pthub_audit WHERE seq = 2", "TRUNCATE pthub_audit" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, sql));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.True((await AuditVerifier.VerifyAsync(new PostgreSqlAuditStore(dataSource), Ct)) is { Intact: true, EntriesChecked: 2 });
    }

    [Fact]
    public async Task Rows_changed_past_the_triggers_are_found_and_verify_audit_exits_1()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var store = new PostgreSqlAuditStore(dataSource);
        foreach (var chain in new[] { "changed", "deleted", "swapped", "untouched" })
        {
            await AppendAsync(store, chain, 5);
        }

        string[] args = ["--PtHub:Storage=PostgreSql", $"--PtHub:PostgreSqlConnectionString={database}"];
        Assert.Equal(0, await AuditVerifyCommand.RunAsync(args, new StringWriter(), Ct));

        // A superuser session that skips ordinary triggers: what a DBA could do.
        await ExecuteAsync(database, """
            SET session_replication_role = replica;
            UPDATE pthub_audit SET patient_id = 'p-other' WHERE chain = 'changed' AND seq = 4;
            DELETE FROM pthub_audit WHERE chain = 'deleted' AND seq = 3;
            UPDATE pthub_audit SET seq = -2 WHERE chain = 'swapped' AND seq = 2;
            UPDATE pthub_audit SET seq = 2 WHERE chain = 'swapped' AND seq = 3;
            UPDATE pthub_audit SET seq = 3 WHERE chain = 'swapped' AND seq = -2;
            """);

        var result = await AuditVerifier.VerifyAsync(store, Ct);
        Assert.Equal((4, 19L), (result.ChainsChecked, result.EntriesChecked));
        Assert.Equal(
            [("changed", 4L, "hash mismatch"), ("deleted", 3L, "sequence gap"), ("swapped", 2L, "previous hash mismatch")],
            result.Breaks.Select(b => (b.Chain, b.Sequence, b.Reason)));
        var output = new StringWriter();
        Assert.Equal(1, await AuditVerifyCommand.RunAsync(args, output, Ct));
        Assert.Contains("BROKEN: 3 of 4 chains", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_trigger_is_enabled_again_when_the_schema_is_applied_and_exists_once()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await ExecuteAsync(database, "ALTER TABLE pthub_audit DISABLE TRIGGER trg_pthub_audit_no_change");

        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'pthub_audit'::regclass AND NOT tgisinternal ORDER BY tgname", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var triggers = new List<(string, char)>();
        while (await reader.ReadAsync(Ct))
        {
            triggers.Add((reader.GetString(0), reader.GetChar(1)));
        }

        Assert.Equal([("trg_pthub_audit_no_change", 'O'), ("trg_pthub_audit_no_truncate", 'O')], triggers);
    }

    private static async Task AppendAsync(PostgreSqlAuditStore store, string chain, int count)
    {
        var writer = new AuditChainWriter(chain, store, NullLogger.Instance);
        await writer.LoadHeadAsync(Ct);
        for (var i = 1; i <= count; i++)
        {
            await writer.Enqueue(Records.Read(chain, patientId: $"p-{i}"), DateTimeOffset.UtcNow);
        }
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
