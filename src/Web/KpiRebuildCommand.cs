using System.Globalization;
using Npgsql;
using PtHub.Silo;
using PtHub.Silo.Storage;

namespace PtHub.Web;

/// <summary>
/// <c>dotnet run --project src/Web -- rebuild-kpis [--PtHub:Storage=… and the other node settings]</c>: recomputes
/// every clinic-day's KPI roll-up from the visit facts kept with the events, without starting a silo (a running node
/// may go on writing: each day is recomputed in its own transaction, taking turns with the appends of that day).
/// Exits 0 when done, 2 when the database could not be read.
/// </summary>
internal static class KpiRebuildCommand
{
    public const string Name = "rebuild-kpis";

    public const int Done = 0;

    public const int Failed = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default) =>
        CommandDatabase.RunAsync(args, Name, output, Failed, "the KPI tables could not be rebuilt", async (options, where) =>
        {
            var days = await RebuildAsync(options, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"KPI roll-up ({where}): {days} clinic-days recomputed from the visit facts."));
            return Done;
        });

    /// <summary>The schema first (an older database gains the KPI tables), then every clinic-day from its facts.</summary>
    private static async Task<int> RebuildAsync(PtHubOptions options, CancellationToken cancellationToken)
    {
        if (options.Storage != StorageProvider.PostgreSql)
        {
            await SchemaInstaller.ApplySqliteAsync(options.SqliteConnectionString, cancellationToken);
            return await KpiStore.ForSqlite(options.SqliteConnectionString).RebuildAsync(cancellationToken);
        }

        await SchemaInstaller.ApplyPostgreSqlAsync(options.PostgreSqlConnectionString!, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(options.PostgreSqlConnectionString!);
        return await KpiStore.ForPostgreSql(dataSource).RebuildAsync(cancellationToken);
    }
}
