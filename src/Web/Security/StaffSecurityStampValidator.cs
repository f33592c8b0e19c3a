using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Security;

/// <summary>The account re-check of every session: Identity's security stamp, and that this session was not signed out.</summary>
internal sealed class StaffSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<StaffUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<StaffUser>(options, signInManager, logger)
{
    protected override async Task<StaffUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && principal?.FindFirst(StaffClaims.Session)?.Value is { } session && user.EndedSessions.Contains(session)
            ? null
            : user;
    }
}
