using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PtHub.Web.Hardening;

namespace PtHub.Tests.Hardening;

/// <summary>The two policies' partitions and limits, without a node: whom a request counts against, and how many pass.</summary>
public sealed class RateLimitPolicyTests
{
    private static HttpContext Request(string method, string address, string? user = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (user is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test"));
        }

        return context;
    }

    private static int Acquired(RateLimitPartition<string> partition, int attempts)
    {
        using var limiter = partition.Factory(partition.PartitionKey);
        return Enumerable.Range(0, attempts).Count(_ => limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void SignInAllowsItsPermitsPerClientAddressAndThenSaysWhenToRetry()
    {
        var policy = new SignInRateLimiterPolicy(Options.Create(new HardeningOptions { SignInPermitsPerMinute = 3 }));
        var first = policy.GetPartition(Request("POST", "203.0.113.7"));
        var other = policy.GetPartition(Request("POST", "203.0.113.8"));
        var signedIn = policy.GetPartition(Request("POST", "203.0.113.7", user: "ann"));

        Assert.Equal(first.PartitionKey, signedIn.PartitionKey);
        Assert.NotEqual(first.PartitionKey, other.PartitionKey);
        using var limiter = first.Factory(first.PartitionKey);
        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero);
    }

    [Fact]
    public void CommandsCountPerSignedInUserElsePerAddressAndNeverCountReads()
    {
        var policy = new CommandRateLimiterPolicy(Options.Create(new HardeningOptions { CommandsPerMinute = 5 }));

        var ann = policy.GetPartition(Request("POST", "203.0.113.7", user: "ann"));
        var annElsewhere = policy.GetPartition(Request("DELETE", "198.51.100.1", user: "ann"));
        var anonymous = policy.GetPartition(Request("PUT", "203.0.113.7"));
        var read = policy.GetPartition(Request("GET", "203.0.113.7", user: "ann"));

        Assert.Equal(ann.PartitionKey, annElsewhere.PartitionKey);
        Assert.NotEqual(ann.PartitionKey, anonymous.PartitionKey);
        Assert.Equal(5, Acquired(ann, 8));
        Assert.Equal(5, Acquired(anonymous, 8));
        Assert.Equal(100, Acquired(read, 100));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(59)]
    [InlineData(600)]
    public void TheCommandBucketHoldsAMinutesWorth(int perMinute)
    {
        var policy = new CommandRateLimiterPolicy(Options.Create(new HardeningOptions { CommandsPerMinute = perMinute }));

        Assert.Equal(perMinute, Acquired(policy.GetPartition(Request("POST", "203.0.113.9")), perMinute + 1));
    }
}
