using Npgsql;

namespace PtHub.Silo.Storage;

/// <summary>
/// The outbox on PostgreSQL, shared by every node: a claim locks the due rows it picks with <c>FOR UPDATE SKIP LOCKED</c>
/// and leases them in the same statement, so nodes claiming at once take different messages and never the same one.
/// </summary>
internal sealed class PostgreSqlOutboxStore(NpgsqlDataSource dataSource) : OutboxStore(dataSource)
{
    protected override string ClaimSql => $"""
        UPDATE pthub_outbox SET lease_owner = @node, lease_until = @until, attempts = attempts + 1
        WHERE message_key IN (
            SELECT message_key FROM pthub_outbox
            WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
            ORDER BY next_attempt_at LIMIT @limit
            FOR UPDATE SKIP LOCKED)
        RETURNING {OutboxSql.Columns}
        """;
}
