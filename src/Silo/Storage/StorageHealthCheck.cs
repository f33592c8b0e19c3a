using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PtHub.Silo.Storage;

/// <summary>Ready only while the database answers a trivial query.</summary>
internal sealed class StorageHealthCheck(IOptions<PtHubOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = Open();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{options.Value.Storage} reachable");
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy($"{options.Value.Storage} unreachable", ex);
        }
    }

    private DbConnection Open() => options.Value.Storage == StorageProvider.PostgreSql
        ? ((NpgsqlDataSource)services.GetService(typeof(NpgsqlDataSource))!).CreateConnection()
        : new SqliteConnection(options.Value.SqliteConnectionString);
}
