using Microsoft.Data.Sqlite;
using Npgsql;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Audit;

/// <summary>
/// The patients of a bulk read, stored with its entry on both databases: found by "who saw this patient", covered by
/// the hash (format 2) while entries without a list keep format 1, and a list changed behind the application's back
/// breaks the chain.
/// </summary>
public sealed class AuditDisclosureStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_stores_finds_and_verifies_the_disclosed_patients_and_detects_a_removed_one()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = TempPaths.NewDatabase(), Pooling = false }.ToString();
        await SchemaInstaller.ApplySqliteAsync(connectionString, Ct);
        var store = new SqliteAuditStore(connectionString);
        var chain = Records.NewClinic("disclosed");

        await CheckStoredAsync(store, chain);

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(Ct);
            await SqliteTamper.ExecuteAsync(connection, null,
                "DROP TRIGGER trg_pthub_audit_patients_no_delete; DELETE FROM pthub_audit_patients WHERE chain = @chain AND patient_id = 'p-b';", chain);
        }

        await CheckBrokenAtBoardAsync(store, chain);
    }

    [Fact]
    public async Task PostgreSql_stores_finds_and_verifies_the_disclosed_patients_and_detects_a_removed_one()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var store = new PostgreSqlAuditStore(dataSource);
        var chain = Records.NewClinic("disclosed");

        await CheckStoredAsync(store, chain);

        await using (var command = dataSource.CreateCommand("""
            ALTER TABLE pthub_audit_patients DISABLE TRIGGER trg_pthub_audit_patients_no_change;
            DELETE FROM pthub_audit_patients WHERE chain = @chain AND patient_id = 'p-b';
            """))
        {
            command.Parameters.AddWithValue("chain", chain);
            await command.ExecuteNonQueryAsync(Ct);
        }

        await CheckBrokenAtBoardAsync(store, chain);
    }

    /// <summary>A plain read (format 1), a board read of three patients given unsorted and twice (format 2), another plain read.</summary>
    private static async Task CheckStoredAsync(IAuditStore store, string chain)
    {
        var at = DateTimeOffset.UtcNow;
        var single = AuditHash.Seal(chain, 1, at, Records.Read(chain, patientId: "p-a"), AuditChainHead.Empty.Hash);
        var board = AuditHash.Seal(chain, 2, at, Records.Read(chain, patientId: null, action: "board.read") with { Patients = new(["p-c", "p-a", "p-b", "p-c"]) }, single.Hash);
        var after = AuditHash.Seal(chain, 3, at, Records.Read(chain, patientId: "p-d"), board.Hash);
        await store.AppendAsync([single, board, after], Ct);

        Assert.Equal(["p-a", "p-b", "p-c"], board.Patients!);
        Assert.NotEqual(board.Hash, AuditHash.Compute(board with { Patients = null }));
        Assert.Equal(AuditHash.Compute(single), AuditHash.Compute(single with { Patients = ValueList<string>.Empty }));
        Assert.Equal([single, board, after], await store.QueryAsync(new(chain, Limit: 10, NewestFirst: false), Ct));
        Assert.Equal([1L, 2L], (await store.QueryAsync(new(chain, PatientId: "p-a", NewestFirst: false), Ct)).Select(e => e.Sequence));
        Assert.Equal([2L], (await store.QueryAsync(new(chain, PatientId: "p-b"), Ct)).Select(e => e.Sequence));
        Assert.True((await AuditVerifier.VerifyChainAsync(store, chain, Ct)).FirstBreak is null);
    }

    private static async Task CheckBrokenAtBoardAsync(IAuditStore store, string chain)
    {
        var (entries, firstBreak) = await AuditVerifier.VerifyChainAsync(store, chain, Ct);

        Assert.Equal(3, entries);
        Assert.Equal((2L, AuditChainBreak.HashMismatch), (firstBreak!.Sequence, firstBreak.Reason));
    }
}
