using Microsoft.Data.Sqlite;
using PtHub.Silo.Storage;

namespace PtHub.Tests.Audit;

/// <summary>Changes the SQLite audit table behind the application's back, as anyone who can write the file could.</summary>
internal static class SqliteTamper
{
    /// <summary>Drops the append-only triggers, runs <paramref name="sql"/> (parameter @chain), and puts the triggers back.</summary>
    public static async Task RunAsync(string connectionString, string chain, string sql)
    {
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = connection.BeginTransaction();
            await ExecuteAsync(connection, transaction, "DROP TRIGGER trg_pthub_audit_no_update; DROP TRIGGER trg_pthub_audit_no_delete;", chain);
            await ExecuteAsync(connection, transaction, sql, chain);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await SchemaInstaller.ApplySqliteAsync(connectionString, TestContext.Current.CancellationToken);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, string chain)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@chain", chain);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
