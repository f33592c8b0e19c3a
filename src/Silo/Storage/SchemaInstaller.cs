using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PtHub.Silo.Storage;

/// <summary>
/// Applies the database schema that the Orleans ADO.NET providers and the visit event log need: tables, functions
/// and the <c>OrleansQuery</c> rows. Every script is idempotent, so this runs at every start-up; a newer build
/// refreshes the query texts and functions in place.
/// </summary>
/// <remarks>
/// The scripts are embedded resources named <c>PtHub.Schema.{dialect}/{file}.sql</c> (see PtHub.Silo.csproj) and run
/// in file-name order.
/// </remarks>
public static class SchemaInstaller
{
    private const string ResourcePrefix = "PtHub.Schema.";

    /// <summary>Any fixed key works; it only has to be the same on every node and unused by other code.</summary>
    private const long PostgreSqlInstallLockKey = 0x50744875625363; // "PtHubSc"

    /// <summary>
    /// Applies the PostgreSQL scripts in one transaction. A transaction-scoped advisory lock makes nodes that start at
    /// the same time take turns, so concurrent <c>CREATE ... IF NOT EXISTS</c> statements cannot collide.
    /// </summary>
    public static async Task ApplyPostgreSqlAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = LoadScripts("postgresql");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", PostgreSqlInstallLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        foreach (var (name, sql) in scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            try
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException($"Schema script '{name}' failed: {ex.MessageText}", ex);
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the SQLite scripts in one transaction, after creating the database file and its directory owner-only
    /// (see <see cref="OwnerOnlyFiles"/>) and switching the database to WAL journal mode (a persistent, per-database setting that lets readers run while
    /// a writer commits).
    /// </summary>
    public static async Task ApplySqliteAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = LoadScripts("sqlite");

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(dataSource)
            || string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
        var databasePath = inMemory ? null : Path.GetFullPath(dataSource!);
        if (databasePath is not null)
        {
            OwnerOnlyFiles.PrepareDatabase(databasePath);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);

        // Wait for other writers on the same file instead of failing with "database is locked".
        await ExecuteSqliteAsync(connection, null, "PRAGMA busy_timeout = 10000;", ct).ConfigureAwait(false);
        if (!inMemory)
        {
            // Must run outside a transaction; it is stored in the database file and applies to every later connection.
            await ExecuteSqliteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
            OwnerOnlyFiles.RestrictDatabaseFiles(databasePath!);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var (name, sql) in scripts)
        {
            try
            {
                await ExecuteSqliteAsync(connection, transaction, sql, ct).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"Schema script '{name}' failed: {ex.Message}", ex);
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteSqliteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the embedded scripts of one dialect in file-name order. MSBuild's RecursiveDir keeps the platform's
    /// directory separator, so the resource name is <c>PtHub.Schema.postgresql/0001-...sql</c> on Linux and
    /// <c>PtHub.Schema.postgresql\0001-...sql</c> on Windows; both are accepted.
    /// </summary>
    internal static IReadOnlyList<(string Name, string Sql)> LoadScripts(string dialect)
    {
        var assembly = typeof(SchemaInstaller).Assembly;
        var scripts = new List<(string Name, string Sql)>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            if (!resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resourceName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var relative = resourceName[ResourcePrefix.Length..].Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !string.Equals(relative[..slash], dialect, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            scripts.Add((relative[(slash + 1)..], ReadResource(assembly, resourceName)));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded '{dialect}' schema scripts were found in {assembly.GetName().Name}.");
        }

        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }

    private static string ReadResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
