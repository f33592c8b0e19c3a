using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PtHub.Grains.Audit;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;
using PtHub.Web;

namespace PtHub.Tests.Audit;

/// <summary>
/// Anchored heads: a round appends a signed anchor entry to each chain and exports the heads (owner-only files);
/// rows cut off a chain's end pass the chain's own check, but not <c>verify-audit</c> given the exported heads.
/// </summary>
public sealed class AuditAnchorTests
{
    private const string Key = "a-test-anchor-key-of-at-least-32-characters";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_a_truncated_tail_is_found_against_the_exported_heads()
    {
        var path = TempPaths.NewDatabase();
        var database = $"Data Source={path};Pooling=False";
        await SchemaInstaller.ApplySqliteAsync(database, Ct);
        var store = new SqliteAuditStore(database);
        var (chain, folder) = await AnchorAsync(store);

        await SqliteTamper.RunAsync(database, chain, "DELETE FROM pthub_audit WHERE chain = @chain AND seq >= 5");

        await CheckAsync(["--PtHub:Storage=Sqlite", $"--PtHub:SqlitePath={path}"], folder);
    }

    [Fact]
    public async Task PostgreSql_a_truncated_tail_is_found_against_the_exported_heads()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var store = new PostgreSqlAuditStore(dataSource);
        var (chain, folder) = await AnchorAsync(store);

        await using (var command = dataSource.CreateCommand("""
            ALTER TABLE pthub_audit DISABLE TRIGGER trg_pthub_audit_no_change;
            DELETE FROM pthub_audit WHERE chain = @chain AND seq >= 5;
            ALTER TABLE pthub_audit ENABLE TRIGGER trg_pthub_audit_no_change;
            """))
        {
            command.Parameters.AddWithValue("chain", chain);
            await command.ExecuteNonQueryAsync(Ct);
        }

        await CheckAsync(["--PtHub:Storage=PostgreSql", $"--PtHub:PostgreSqlConnectionString={database}"], folder);
    }

    /// <summary>Four entries, one anchoring round (anchor entry 5, exported), one more entry (6); the export files owner-only.</summary>
    private static async Task<(string Chain, string Folder)> AnchorAsync(IAuditStore store)
    {
        var chain = Records.NewClinic("anchored");
        var writer = new AuditChainWriter(chain, store, NullLogger.Instance);
        await writer.LoadHeadAsync(Ct);
        for (var i = 1; i <= 4; i++)
        {
            await writer.Enqueue(Records.Read(chain, patientId: $"p-{i}"), DateTimeOffset.UtcNow);
        }

        var folder = Path.Combine(Path.GetDirectoryName(TempPaths.NewDatabase())!, "heads");
        var key = Encoding.UTF8.GetBytes(Key);
        var heads = await AuditAnchoring.AnchorAsync(store, record => writer.Enqueue(record, DateTimeOffset.UtcNow), key, "test", DateTimeOffset.UtcNow, Ct);
        var file = await AuditHeadsFolder.WriteAsync(folder, heads, DateTimeOffset.UtcNow, Ct);
        var again = await AuditAnchoring.AnchorAsync(store, record => writer.Enqueue(record, DateTimeOffset.UtcNow), key, "test", DateTimeOffset.UtcNow, Ct);
        await writer.Enqueue(Records.Read(chain, patientId: "p-after"), DateTimeOffset.UtcNow);

        var head = Assert.Single(heads, h => h.Chain == chain);
        Assert.Equal(5, head.Sequence);
        Assert.Equal(head.Sequence, Assert.Single(again, h => h.Chain == chain).Sequence);
        var anchor = (await store.QueryAsync(new AuditQuery(chain, Limit: 2), Ct))[1];
        Assert.Equal((AuditAnchor.Action, 5L, head.Hash), (anchor.Action, anchor.Sequence, anchor.Hash));
        Assert.Equal((4L, true), (AuditAnchor.ParseResource(anchor.Resource)!.Value.Sequence, AuditAnchor.IsSigned(key, chain, head.Sequence, head.Hash, head.Mac)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
            Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(folder));
        }

        return (chain, folder);
    }

    /// <summary>After sequences 5 and 6 were deleted: intact by itself, broken against the heads, and so also with a forged export.</summary>
    private static async Task CheckAsync(string[] database, string folder)
    {
        var alone = new StringWriter();
        Assert.Equal(AuditVerifyCommand.Intact, await AuditVerifyCommand.RunAsync(database, alone, Ct));

        var anchored = new StringWriter();
        Assert.Equal(AuditVerifyCommand.Broken, await AuditVerifyCommand.RunAsync(
            [.. database, $"--PtHub:Audit:HeadsFolder={folder}", $"--PtHub:Audit:AnchorKey={Key}"], anchored, Ct));
        Assert.Contains("broken at sequence 5: truncated tail (the chain ends at sequence 4, but its head exported at", anchored.ToString(), StringComparison.Ordinal);

        var otherKey = new StringWriter();
        Assert.Equal(AuditVerifyCommand.Broken, await AuditVerifyCommand.RunAsync(
            [.. database, $"--PtHub:Audit:HeadsFolder={folder}", $"--PtHub:Audit:AnchorKey={new string('x', 40)}"], otherKey, Ct));
        Assert.Contains("bad head signature", otherKey.ToString(), StringComparison.Ordinal);
    }
}
