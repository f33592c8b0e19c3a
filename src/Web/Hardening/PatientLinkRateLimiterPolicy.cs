using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Hardening;

/// <summary><see cref="RateLimitPolicies.PatientLinks"/>: a fixed window per client address over every call of the public link page.</summary>
internal sealed class PatientLinkRateLimiterPolicy(IOptions<HardeningOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Address(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PatientLinkRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
