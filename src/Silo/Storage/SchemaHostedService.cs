using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PtHub.Silo.Storage;

/// <summary>
/// Applies the database schema before the silo starts (it is registered ahead of Orleans, and hosted
/// services start in order). The scripts are idempotent, so every node may run them at every start.
/// </summary>
internal sealed class SchemaHostedService(IOptions<PtHubOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        return o.Storage == StorageProvider.PostgreSql
            ? SchemaInstaller.ApplyPostgreSqlAsync(o.PostgreSqlConnectionString!, cancellationToken)
            : SchemaInstaller.ApplySqliteAsync(o.SqliteConnectionString, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
