using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// The session cookie's rules. The idle timeout slides only on what a person does: live-hub traffic (connects and
/// reconnects) and requests a screen marks as background never renew the session, so an always-on board cannot
/// keep a login alive. A hard limit from sign-in holds whatever happens.
/// </summary>
internal static class SessionPolicy
{
    /// <summary>Screens send this header on requests no person asked for (refreshes, session probes).</summary>
    public const string BackgroundHeader = "X-PtHub-Background";

    /// <summary>Marks an identity signed in through an OpenID Connect provider: its account lives there.</summary>
    public const string ExternalIdentityClaim = "pthub:idp";

    public static bool IsPassive(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs") || context.Request.Headers.ContainsKey(BackgroundHeader);

    public static void Apply(CookieAuthenticationOptions cookie, SecurityOptions security, TimeProvider time)
    {
        cookie.Cookie.Name = "pthub.session";
        cookie.Cookie.HttpOnly = true;
        // Lax, not Strict: a sign-in through an identity provider comes back by a cross-site redirect. Unsafe
        // requests from other sites are refused by CrossSiteRequestGuard.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionIdleMinutes);
        cookie.SlidingExpiration = true;
        cookie.TimeProvider = time;
        cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        cookie.Events.OnCheckSlidingExpiration = context =>
        {
            if (IsPassive(context.HttpContext))
            {
                context.ShouldRenew = false;
            }

            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var signedIn = context.Principal?.SignedIn();
            if (signedIn is null || time.GetUtcNow() - signedIn > TimeSpan.FromHours(security.SessionMaxHours))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            if (context.Principal?.HasClaim(c => c.Type == ExternalIdentityClaim) != true)
            {
                // A signed-out session (on any node) or a disabled account is refused on its very next request; the
                // periodic account re-check below (Identity's security stamp) only catches up on role and clinic changes.
                if (context.Principal?.UserId() is { } userId && context.Principal.FindFirst(StaffClaims.Session)?.Value is { } session
                    && !await context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IStaffAccountGrain>(userId).IsSessionLive(session))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            }

            if (IsPassive(context.HttpContext))
            {
                context.ShouldRenew = false;
            }
        };
    }

    /// <summary>Keeps the sign-in time and the session's id when the account re-check rebuilds the principal.</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            KeepSession(current, identity);
        }

        return Task.CompletedTask;
    }

    /// <summary>Carries the session's sign-in time and id from <paramref name="current"/> into a rebuilt identity.</summary>
    public static void KeepSession(ClaimsPrincipal current, ClaimsIdentity rebuilt)
    {
        foreach (var type in new[] { StaffClaims.SignedInAt, StaffClaims.Session })
        {
            if (current.FindFirst(type) is { } kept)
            {
                rebuilt.FindAll(type).ToList().ForEach(rebuilt.RemoveClaim);
                rebuilt.AddClaim(new Claim(type, kept.Value));
            }
        }
    }

    /// <summary>APIs and the hub answer 401/403 as problem details; there is no login redirect to follow.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
