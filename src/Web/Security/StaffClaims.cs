using System.Globalization;
using System.Security.Claims;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>The claims PtHub puts in a staff session or a display's identity, and how to read them.</summary>
public static class StaffClaims
{
    /// <summary>A clinic the member of staff works at (one claim per clinic); for a display, its clinic.</summary>
    public const string Clinic = "pthub:clinic";

    /// <summary>A therapist user's therapist id in their clinic.</summary>
    public const string Therapist = "pthub:therapist";

    /// <summary>When the session began (Unix seconds); renewals keep it, so the absolute limit holds.</summary>
    public const string SignedInAt = "pthub:signed-in";

    /// <summary>This sign-in's own id, so that signing out ends this session (and only this one) on the server too.</summary>
    public const string Session = "pthub:session";

    /// <summary>A display device's id; only display identities carry it.</summary>
    public const string Display = "pthub:display";

    public static StaffRole? StaffRole(this ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.Role)?.Value is { } role && Enum.TryParse<StaffRole>(role, out var parsed) ? parsed : null;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    public static string? TherapistId(this ClaimsPrincipal user) => user.FindFirst(Therapist)?.Value;

    public static string? DisplayId(this ClaimsPrincipal user) => user.FindFirst(Display)?.Value;

    public static IReadOnlyList<string> ClinicIds(this ClaimsPrincipal user) => [.. user.FindAll(Clinic).Select(c => c.Value)];

    /// <summary>Administrators belong to every clinic; others to the clinics of their account.</summary>
    public static bool IsMemberOf(this ClaimsPrincipal user, string clinicId) =>
        user.StaffRole() == Grains.Contracts.StaffRole.Admin || user.HasClaim(Clinic, clinicId);

    public static DateTimeOffset? SignedIn(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(SignedInAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
