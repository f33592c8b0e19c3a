using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PtHub.Grains.Audit;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Audit;

/// <summary>Rows changed, deleted or swapped in the SQLite file are found by the verifier at the first broken sequence.</summary>
[Collection(AuditNodeCollection.Name)]
public sealed class SqliteTamperTests(AuditNodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ChainOfFiveAsync(string name)
    {
        var clinic = Records.NewClinic(name);
        for (var i = 1; i <= 5; i++)
        {
            await fixture.Chain(clinic).Append(Records.Read(clinic, patientId: $"p-{i}"));
        }

        Assert.Null((await AuditVerifier.VerifyChainAsync(fixture.Store, clinic, Ct)).FirstBreak);
        return clinic;
    }

    private async Task<AuditChainBreak> FirstBreakAsync(string clinic)
    {
        var (entries, firstBreak) = await AuditVerifier.VerifyChainAsync(fixture.Store, clinic, Ct);
        Assert.NotNull(firstBreak);
        Assert.True(entries >= 4);
        return firstBreak;
    }

    [Fact]
    public async Task A_changed_field_is_reported_as_a_hash_mismatch_at_that_row()
    {
        var clinic = await ChainOfFiveAsync("tamper-field");

        await SqliteTamper.RunAsync(fixture.ConnectionString, clinic, "UPDATE pthub_audit SET user_id = 'u-someone-else' WHERE chain = @chain AND seq = 3");

        var found = await FirstBreakAsync(clinic);
        Assert.Equal((clinic, 3L, AuditChainBreak.HashMismatch), (found.Chain, found.Sequence, found.Reason));

        // The node's verification endpoint reports the same break among all chains.
        var report = (await fixture.Node.Http.GetFromJsonAsync<JsonObject>("/api/audit/verify", Ct))!;
        Assert.False((bool)report["intact"]!);
        Assert.Contains(report["breaks"]!.AsArray(), b => (string?)b!["chain"] == clinic && (long)b["sequence"]! == 3 && (string?)b["reason"] == "hash mismatch");
    }

    [Fact]
    public async Task A_deleted_row_is_reported_as_a_sequence_gap_at_the_missing_sequence()
    {
        var clinic = await ChainOfFiveAsync("tamper-delete");

        await SqliteTamper.RunAsync(fixture.ConnectionString, clinic, "DELETE FROM pthub_audit WHERE chain = @chain AND seq = 2");

        var found = await FirstBreakAsync(clinic);
        Assert.Equal((2L, AuditChainBreak.SequenceGap), (found.Sequence, found.Reason));
    }

    [Fact]
    public async Task Swapped_rows_are_reported_as_a_previous_hash_mismatch_at_the_first_of_them()
    {
        var clinic = await ChainOfFiveAsync("tamper-swap");

        await SqliteTamper.RunAsync(fixture.ConnectionString, clinic, """
            UPDATE pthub_audit SET seq = -3 WHERE chain = @chain AND seq = 3;
            UPDATE pthub_audit SET seq = 3 WHERE chain = @chain AND seq = 4;
            UPDATE pthub_audit SET seq = 4 WHERE chain = @chain AND seq = -3;
            """);

        var found = await FirstBreakAsync(clinic);
        Assert.Equal((3L, AuditChainBreak.PreviousHashMismatch), (found.Sequence, found.Reason));
    }

    [Fact]
    public async Task The_sqlite_table_refuses_update_and_delete()
    {
        var database = $"Data Source={TempPaths.NewDatabase()}";
        await SchemaInstaller.ApplySqliteAsync(database, Ct);
        var writer = new AuditChainWriter("clinic-a", new SqliteAuditStore(database), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await writer.LoadHeadAsync(Ct);
        await writer.Enqueue(Records.Read("clinic-a"), DateTimeOffset.UtcNow);
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync(Ct);

        var update = await Assert.ThrowsAsync<SqliteException>(() => SqliteTamper.ExecuteAsync(connection, null, "UPDATE pthub_audit SET role = 'admin'", "clinic-a"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => SqliteTamper.ExecuteAsync(connection, null, "DELETE FROM pthub_audit", "clinic-a"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Null((await AuditVerifier.VerifyChainAsync(new SqliteAuditStore(database), "clinic-a", Ct)).FirstBreak);
    }
}
