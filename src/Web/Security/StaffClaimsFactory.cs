using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Security;

/// <summary>Adds the role, the clinics and (for therapists) the therapist id to a signed-in member of staff.</summary>
internal sealed class StaffClaimsFactory(
    UserManager<StaffUser> users, IOptions<IdentityOptions> options, [FromKeyedServices(Grains.Clock.Key)] TimeProvider time)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        identity.AddClaims(user.ClinicIds.Select(c => new Claim(StaffClaims.Clinic, c)));
        if (user.TherapistId is { } therapistId)
        {
            identity.AddClaim(new Claim(StaffClaims.Therapist, therapistId));
        }

        identity.AddClaim(new Claim(StaffClaims.Session, Guid.NewGuid().ToString("N")));
        identity.AddClaim(new Claim(StaffClaims.SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
