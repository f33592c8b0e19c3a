using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Sign-in through the clinic's OpenID Connect provider (authorization code flow with PKCE). The provider's ID
/// token names the PtHub role and clinics; PtHub turns it into the same session cookie a password sign-in gets.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static void Add(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, OidcOptions oidc, TimeProvider time) =>
        authentication.AddOpenIdConnect(Scheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.CallbackPath = CrossSiteRequestGuard.OidcCallbackPath;
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.Events.OnTokenValidated = context =>
            {
                context.Principal = ToStaff(context.Principal!, oidc, time);
                if (context.Principal.StaffRole() is null)
                {
                    context.Fail($"The identity provider gave no PtHub role in the '{oidc.RoleClaim}' claim.");
                }

                return Task.CompletedTask;
            };
        });

    /// <summary>The provider's claims as a PtHub staff identity.</summary>
    public static ClaimsPrincipal ToStaff(ClaimsPrincipal external, OidcOptions oidc, TimeProvider time)
    {
        var subject = external.FindFirst("sub")?.Value ?? "";
        var name = external.FindFirst("preferred_username")?.Value ?? external.FindFirst("email")?.Value ?? subject;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"oidc:{subject}"),
            new(ClaimTypes.Name, name),
            new(ClaimTypes.GivenName, external.FindFirst("name")?.Value ?? name),
            new(SessionPolicy.ExternalIdentityClaim, oidc.Authority ?? ""),
            new(StaffClaims.SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (external.FindFirst(oidc.RoleClaim)?.Value is { } role && Enum.TryParse<StaffRole>(role, ignoreCase: true, out var parsed))
        {
            claims.Add(new Claim(ClaimTypes.Role, parsed.ToString()));
        }

        claims.AddRange(external.FindAll(oidc.ClinicClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Select(clinic => new Claim(StaffClaims.Clinic, clinic)));
        if (external.FindFirst(oidc.TherapistClaim)?.Value is { Length: > 0 } therapist)
        {
            claims.Add(new Claim(StaffClaims.Therapist, therapist));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, OpenIdConnectDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
