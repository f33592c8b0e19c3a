using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Hardening;

/// <summary><see cref="RateLimitPolicies.SignIn"/>: a fixed window per client address, so password guessing stays slow.</summary>
internal sealed class SignInRateLimiterPolicy(IOptions<HardeningOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Address(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
