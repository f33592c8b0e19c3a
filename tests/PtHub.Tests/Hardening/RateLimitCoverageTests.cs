using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Tests.Api;
using PtHub.Web.Hardening;

namespace PtHub.Tests.Hardening;

[Collection(NodeCollection.Name)]
public sealed class RateLimitCoverageTests(NodeFixture fixture)
{
    [Fact]
    public void EveryApiEndpointThatChangesStateIsRateLimited()
    {
        var commands = fixture.Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, endpoint => Assert.Contains(
            endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName, new[] { RateLimitPolicies.Commands, RateLimitPolicies.SignIn, RateLimitPolicies.PatientLinks }));
    }
}
