using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Authenticates a paired lobby display by its token, on the live hub only (REST policies do not accept this
/// scheme). Browsers cannot put headers on a WebSocket, so the token may come as SignalR's access_token parameter.
/// It never issues a cookie: a display has no session to keep alive.
/// </summary>
internal sealed class DisplayTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DisplayToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim()
            : Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (!DisplayToken.TryParse(token, out var clinicId, out var displayId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed display token.");
        }

        if (!await grains.GetGrain<IClinicDisplaysGrain>(clinicId).Authenticate(displayId, DisplayToken.Hash(secret)))
        {
            return AuthenticateResult.Fail("Unknown or revoked display.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(StaffClaims.Display, displayId), new Claim(StaffClaims.Clinic, clinicId), new Claim(ClaimTypes.Name, $"display:{displayId}")],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
