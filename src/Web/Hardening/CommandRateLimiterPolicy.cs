using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Hardening;

/// <summary>
/// <see cref="RateLimitPolicies.Commands"/>: a token bucket per signed-in user (else per client address) that refills
/// one command at a time, so a busy front desk is never cut off for a whole minute; reads pass unlimited.
/// </summary>
internal sealed class CommandRateLimiterPolicy(IOptions<HardeningOptions> options) : IRateLimiterPolicy<string>
{
    private const string Reads = "reads";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var method = httpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return RateLimitPartition.GetNoLimiter(Reads);
        }

        var perMinute = options.Value.CommandsPerMinute;
        // One token every 60/perMinute seconds, but never a timer faster than once a second.
        var perSecond = perMinute >= 60;
        return RateLimitPartition.GetTokenBucketLimiter(ClientKey.UserOrAddress(httpContext), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perSecond ? (perMinute + 59) / 60 : 1,
            ReplenishmentPeriod = perSecond ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
