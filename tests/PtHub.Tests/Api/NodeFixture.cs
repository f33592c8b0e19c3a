using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Api;

/// <summary>One embedded-mode node shared by the API tests; each test makes its own clinic.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public AppNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Node = await AppNode.StartSqliteAsync();

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "node";
}
