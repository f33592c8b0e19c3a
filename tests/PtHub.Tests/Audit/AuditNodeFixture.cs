using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Audit;

/// <summary>
/// One embedded-mode node on its own SQLite file with a clinic clock the tests move, shared by the audit tests; each
/// test writes its own clinic's chain and checks that chain only.
/// </summary>
public sealed class AuditNodeFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public string DatabasePath { get; } = TempPaths.NewDatabase();

    public string ConnectionString => $"Data Source={DatabasePath}";

    public AppNode Node { get; private set; } = null!;

    /// <summary>A reader of the node's audit table, as the verify command opens it.</summary>
    public IAuditStore Store => new SqliteAuditStore(ConnectionString);

    public async ValueTask InitializeAsync() => Node = await AppNode.StartAsync(
        // The tests move the clinic clock by hours; sessions follow that clock, so the administrator's must last.
        [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", DatabasePath), ("PtHub:Security:SessionIdleMinutes", "1440"),
         ("PtHub:Security:SessionMaxHours", "168")],
        builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, Clock));

    public IAuditChainGrain Chain(string clinicId) => Node.Grains.GetGrain<IAuditChainGrain>(clinicId);

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AuditNodeCollection : ICollectionFixture<AuditNodeFixture>
{
    public const string Name = "audit-node";
}
