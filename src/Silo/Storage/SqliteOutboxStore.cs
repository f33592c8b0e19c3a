using Microsoft.Data.Sqlite;

namespace PtHub.Silo.Storage;

/// <summary>
/// The outbox in the embedded SQLite file. The embedded mode is one node and every write goes through its
/// <see cref="SqliteWriteGate"/>, so a claim (one UPDATE ... RETURNING) is never raced by another claim.
/// </summary>
internal sealed class SqliteOutboxStore(string connectionString, SqliteWriteGate? gate = null)
    : OutboxStore(SqliteFactory.Instance.CreateDataSource(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 10 }.ConnectionString))
{
    protected override string ClaimSql => $"""
        UPDATE pthub_outbox SET lease_owner = @node, lease_until = @until, attempts = attempts + 1
        WHERE message_key IN (
            SELECT message_key FROM pthub_outbox
            WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
            ORDER BY next_attempt_at LIMIT @limit)
        RETURNING {OutboxSql.Columns}
        """;

    protected override Task<T> WriteAsync<T>(Func<Task<T>> write) => gate is null ? write() : gate.RunAsync(write);
}
