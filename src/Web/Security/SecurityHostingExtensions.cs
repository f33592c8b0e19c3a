using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Security;

public static class SecurityHostingExtensions
{
    /// <summary>
    /// Staff sign-in (ASP.NET Core Identity over the staff grains, cookie sessions, optional OpenID Connect), display
    /// tokens for the lobby, and the access policies. Deny by default: an endpoint that names no policy refuses all.
    /// </summary>
    public static WebApplicationBuilder AddPtHubSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<AuditAnchorOptions>().BindConfiguration(AuditAnchorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditAnchorService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditAnchorService>());

        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): PasswordPolicy checks the length, with its reasons.
                o.Password.RequiredLength = 0;
                o.Password.RequiredUniqueChars = 0;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = security.LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-";
            })
            .AddUserStore<StaffUserStore>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddUserConfirmation<StaffConfirmation>();

        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddScheme<AuthenticationSchemeOptions, DisplayTokenHandler>(DisplayTokenHandler.SchemeName, null);
        if (security.Oidc.Enabled)
        {
            OidcSignIn.Add(authentication, security.Oidc, TimeProvider.System);
        }

        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>, IServiceProvider>((cookie, options, sp) =>
                SessionPolicy.Apply(cookie, options.Value, sp.GetRequiredKeyedService<TimeProvider>(Grains.Clock.Key)));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(security.AccountRecheckSeconds);
            o.OnRefreshingPrincipal = SessionPolicy.KeepSignInTime;
        });

        services.AddAuthorization(o =>
        {
            foreach (var (name, roles) in AccessPolicies.Roles)
            {
                o.AddPolicy(name, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                    .RequireAuthenticatedUser().AddRequirements(new StaffRequirement(roles)));
            }

            o.AddPolicy(AccessPolicies.LiveScreen, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, DisplayTokenHandler.SchemeName)
                .RequireAuthenticatedUser());
            // Deny by default: an endpoint that names no policy refuses everybody. A request that matches no endpoint
            // at all goes on to its plain 404.
            o.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is null).Build();
        });
        // One key ring for all nodes, kept in PtHub's storage; encrypted with the configured certificate when there is
        // one (production should have one), else only as safe as the database it lives in.
        var dataProtection = services.AddDataProtection().SetApplicationName("PtHub");
        if (!string.IsNullOrWhiteSpace(security.KeyCertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(security.KeyCertificatePath, security.KeyCertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{SecurityOptions.Section}:KeyCertificatePath: '{security.KeyCertificatePath}' has no private key, so the key ring could not be read back.");
            }

            // The certificate is not in a certificate store, so decryption is told of it directly.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
            o.XmlRepository = new GrainXmlRepository(sp.GetRequiredService<IGrainFactory>()));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<FirstRunNotice>();
        services.AddHostedService<FirstRunAdmin>();
        services.AddSingleton<LiveSessionGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSessionGuard>());
        return builder;
    }

    /// <summary>Authentication, then the rate limits (they count per signed-in user), then authorization.</summary>
    public static WebApplication UsePtHubSecurity(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
