using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace PtHub.Web.Hardening;

/// <summary>HTTP hardening of a web node: rate limits, security headers, HTTPS, forwarded headers and request size.</summary>
public static class HardeningExtensions
{
    public static WebApplicationBuilder AddPtHubHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HardeningOptions>().BindConfiguration(HardeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HardeningOptions>, HardeningOptionsValidator>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<HardeningOptions>>((kestrel, hardening) =>
        {
            kestrel.Limits.MaxRequestBodySize = hardening.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<HardeningOptions>>((hsts, hardening) =>
            hsts.MaxAge = TimeSpan.FromDays(hardening.Value.HstsMaxAgeDays));
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HardeningOptions>>((forwarded, hardening) =>
            TrustProxies(forwarded, hardening.Value.TrustedProxies));
        // Scalar fetches its fonts from a CDN by default; the API page then stays within its own origin like the rest.
        builder.Services.Configure<ScalarOptions>(scalar => scalar.DefaultFonts = false);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy<string, SignInRateLimiterPolicy>(RateLimitPolicies.SignIn);
            limiter.AddPolicy<string, CommandRateLimiterPolicy>(RateLimitPolicies.Commands);
            limiter.AddPolicy<string, PatientLinkRateLimiterPolicy>(RateLimitPolicies.PatientLinks);
        });
        return builder;
    }

    /// <summary>
    /// Runs before the static files and the endpoints, so that every response gets the headers. Authentication must come
    /// before it (as WebApplication places it when it is not placed explicitly): the command limit counts per signed-in user.
    /// </summary>
    public static WebApplication UsePtHubHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            // At the last moment: the exception handler clears the headers of a response it replaces.
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Probes (kubelet, load balancers) call /health over plain HTTP straight to the node; a redirect would fail them.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        // The rate limiter runs in UsePtHubSecurity, after authentication, so that it counts per signed-in user.
        app.UseMiddleware<RequestBodyGuard>();
        return app;
    }

    /// <summary>Only the configured proxies are believed; ASP.NET Core's default of trusting loopback is dropped.</summary>
    private static void TrustProxies(ForwardedHeadersOptions forwarded, IList<string> proxies)
    {
        // With both lists empty the middleware would believe any peer, so without proxies it reads no header at all.
        forwarded.ForwardedHeaders = proxies.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        forwarded.ForwardLimit = null;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.Select(p => p.Trim()))
        {
            if (proxy.Contains('/', StringComparison.Ordinal))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
            else
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        }
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Slow down: try again in {seconds} s.",
            },
        });
    }
}
