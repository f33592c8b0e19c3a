using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Live;

/// <summary>
/// One embedded node whose clinic clock the tests move, with a fast live tick so time-driven changes show up
/// as soon as the clock moves. Each test makes its own clinic.
/// </summary>
public sealed class LiveNodeFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public AppNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Node = await AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), ("PtHub:LiveTickSeconds", "0.1"), ("PtHub:WatchRenewSeconds", "0.5")],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, Clock));

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LiveNodeCollection : ICollectionFixture<LiveNodeFixture>
{
    public const string Name = "live-node";
}
