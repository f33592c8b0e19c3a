using System.Security.Claims;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>Who is signed in, what they may open, and the sign-in options (for the sign-in page).</summary>
public sealed record StaffSession(
    string UserId, string UserName, string DisplayName, StaffRole Role, IReadOnlyList<string> ClinicIds, string? TherapistId, int IdleMinutes)
{
    public static StaffSession? Of(ClaimsPrincipal user, int idleMinutes) =>
        user.StaffRole() is { } role && user.UserId() is { } id
            ? new StaffSession(id, user.Identity?.Name ?? id, user.FindFirst(ClaimTypes.GivenName)?.Value ?? id, role,
                role == StaffRole.Admin ? [] : user.ClinicIds(), user.TherapistId(), idleMinutes)
            : null;
}
