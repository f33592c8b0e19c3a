using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Api;

/// <summary>One embedded-mode node shared by the API tests; each test makes its own clinic.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public AppNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Node = await AppNode.StartSqliteAsync(null,
        // A number and secret for incoming texts (a STOP reply); no provider to send through.
        ("PtHub:Communication:Sms:From", "+15550100"), ("PtHub:Communication:Sms:InboundSecret", AuditCoverageInboundSecret));

    public const string AuditCoverageInboundSecret = "fixture-inbound-secret";

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "node";
}
