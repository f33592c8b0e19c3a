using System.Net;
using Npgsql;
using PtHub.Tests.Api;

namespace PtHub.Tests.PostgreSql;

/// <summary>
/// What an accepted command costs in durable writes on PostgreSQL, counted by the database itself: a statement
/// trigger on every table logs the writing transaction's id, so a command's committed transactions (and the tables
/// each touched) are the distinct ids logged while it ran. Rolled-back transactions leave no log row.
/// </summary>
public sealed class DurableWritesPerCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_accepted_command_commits_its_visit_state_event_and_audit_entry()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var node = await PostgreSqlNodes.StartAsync(database, clusterId);
        var clinic = await ApiClinic.CreateAsync(node.Http);
        var patientId = await clinic.AddPatientAsync();
        await InstallWriteLogAsync(database);

        var mark = await LastLogIdAsync(database);
        var visitId = await clinic.BookAsync(patientId);
        var costs = new List<(string Command, List<string[]> Transactions)> { ("book", await TransactionsSinceAsync(database, mark)) };
        foreach (var (action, body) in new (string, object?)[]
        {
            ("arrive", null), ("check-in", null), ("assign", new { roomId = "room-1" }), ("start", null), ("finish", null), ("check-out", null),
        })
        {
            mark = await LastLogIdAsync(database);
            Assert.Equal(HttpStatusCode.OK, (await clinic.CommandAsync(visitId, action, body)).StatusCode);
            costs.Add((action, await TransactionsSinceAsync(database, mark)));
        }

        foreach (var (command, transactions) in costs)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{command}: {transactions.Count} transactions: {string.Join(" ", transactions.Select(t => "{" + string.Join(",", t) + "}"))}");
        }

        foreach (var (command, transactions) in costs)
        {
            var tables = transactions.SelectMany(t => t).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.True(tables.Contains("orleansstorage") && tables.Contains("pthub_visit_events") && tables.Contains("pthub_audit"),
                $"{command} wrote {string.Join(",", tables)}");
        }

        await node.StopAsync();
    }

    private static async Task InstallWriteLogAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            CREATE TABLE test_write_log (id bigserial PRIMARY KEY, xid bigint NOT NULL, tbl text NOT NULL);
            CREATE FUNCTION test_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO test_write_log (xid, tbl) VALUES (txid_current(), TG_TABLE_NAME); RETURN NULL; END $$;
            DO $$
            DECLARE t text;
            BEGIN
              FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'test_write_log' LOOP
                EXECUTE format('CREATE TRIGGER trg_test_log_write AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION test_log_write()', t);
              END LOOP;
            END $$;
            """, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> LastLogIdAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM test_write_log", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>The committed write transactions since <paramref name="mark"/>, each as the sorted tables it wrote; the cluster's own membership rows left out.</summary>
    private static async Task<List<string[]>> TransactionsSinceAsync(string database, long mark)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT array_agg(DISTINCT lower(tbl) ORDER BY lower(tbl))
              FROM test_write_log
             WHERE id > @mark AND lower(tbl) NOT IN ('orleansmembershiptable', 'orleansmembershipversiontable')
             GROUP BY xid ORDER BY min(id)
            """, connection);
        command.Parameters.AddWithValue("mark", mark);
        var transactions = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            transactions.Add(reader.GetFieldValue<string[]>(0));
        }

        return transactions;
    }
}
