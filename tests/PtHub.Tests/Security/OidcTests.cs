using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;
using PtHub.Web.Security;

namespace PtHub.Tests.Security;

/// <summary>Sign-in through an OpenID Connect provider, switched on by configuration only.</summary>
public sealed class OidcTests
{
    [Fact]
    public async Task WithAnAuthorityConfiguredSignInRedirectsToTheProviderWithPkce()
    {
        var (provider, authority) = await StartProviderAsync();
        await using var _ = provider;
        await using var node = await AppNode.StartAsync(
        [
            ("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), ("PtHub:Security:Oidc:Authority", authority),
            ("PtHub:Security:Oidc:ClientId", "pthub"), ("PtHub:Security:Oidc:RequireHttpsMetadata", "false"),
        ]);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };

        using var response = await browser.GetAsync("/api/account/oidc", TestContext.Current.CancellationToken);
        var providers = await browser.GetStringAsync("/api/account/providers", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{authority}/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=pthub", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.Contains("organization", providers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAuthorityThereIsNoProviderSignIn()
    {
        await using var node = await AppNode.StartSqliteAsync();
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await anonymous.GetAsync("/api/account/oidc", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void TheProvidersClaimsBecomeAPtHubRoleAndClinics()
    {
        var external = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "u-42"), new Claim("preferred_username", "maria@clinic.example"), new Claim("pthub_role", "frontdesk"),
            new Claim("pthub_clinic", "north south"), new Claim("pthub_clinic", "east"),
        ], "oidc"));

        var staff = OidcSignIn.ToStaff(external, new OidcOptions { Authority = "https://idp.example" }, TimeProvider.System);

        Assert.Equal(StaffRole.FrontDesk, staff.StaffRole());
        Assert.Equal(["north", "south", "east"], staff.ClinicIds());
        Assert.Equal("oidc:u-42", staff.UserId());
        Assert.Equal("maria@clinic.example", staff.Identity!.Name);
        Assert.NotNull(staff.SignedIn());
    }

    [Fact]
    public void AProviderUserWithoutAPtHubRoleGetsNoRole()
    {
        var external = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-7"), new Claim("pthub_role", "superuser")], "oidc"));

        Assert.Null(OidcSignIn.ToStaff(external, new OidcOptions { Authority = "https://idp.example" }, TimeProvider.System).StaffRole());
    }

    /// <summary>A provider's discovery document on a loopback port: all the redirect needs.</summary>
    private static async Task<(WebApplication App, string Address)> StartProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer, ["authorization_endpoint"] = $"{issuer}/authorize", ["token_endpoint"] = $"{issuer}/token",
                ["jwks_uri"] = $"{issuer}/jwks", ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" }, ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
            });
        });
        app.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/'));
    }
}
