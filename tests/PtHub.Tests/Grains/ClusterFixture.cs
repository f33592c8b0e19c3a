using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using PtHub.Grains;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Grains;

/// <summary>
/// Two in-process silos sharing one in-memory state store, a real SQLite event table and one fake clock,
/// so tests decide what time it is. Tests keep apart by using their own clinic ids.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public string EventDatabase { get; } = TempPaths.NewDatabase();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var connectionString = $"Data Source={EventDatabase}";
        await SchemaInstaller.ApplySqliteAsync(connectionString);
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.State);
            silo.UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, Clock);
            silo.Services.AddSingleton<IVisitEventLog>(new SqliteVisitEventLog(connectionString));
            silo.Services.AddSingleton<IPatientIndex>(new SqlitePatientIndex(connectionString));
            silo.Services.AddSingleton<IOutboxStore>(new SqliteOutboxStore(connectionString));
            silo.Services.AddSingleton<IKpiStore>(KpiStore.ForSqlite(connectionString));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
