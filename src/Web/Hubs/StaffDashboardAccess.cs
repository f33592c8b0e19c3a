using System.Security.Claims;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Hubs;

/// <summary>
/// Who may watch which view. A display watches its own clinic's lobby and nothing else; staff watch the clinics
/// they belong to: the lobby (no PHI) anyone; the board the desk and above; the manager's view (utilization and
/// KPIs, no PHI) the desk and above too, since the board places patients by it. Therapists do not get the whole
/// clinic's board: it names every patient of the day; they watch their own day, filtered on the server.
/// </summary>
internal sealed class StaffDashboardAccess(IGrainFactory grains) : IDashboardAccess
{
    public async Task<string?> RefuseAsync(ClaimsPrincipal user, string clinicId, DashboardView view)
    {
        if (user.DisplayId() is { } displayId)
        {
            if (view != DashboardView.Lobby || !user.HasClaim(StaffClaims.Clinic, clinicId))
            {
                return "A display shows its own clinic's lobby only.";
            }

            // Asked at every join: a display revoked after it connected cannot subscribe anew.
            return await grains.GetGrain<IClinicDisplaysGrain>(clinicId).IsActive(displayId) ? null : "This display was revoked.";
        }

        if (user.StaffRole() is not { } role || !user.IsMemberOf(clinicId))
        {
            return $"Not a member of clinic '{clinicId}'.";
        }

        var allowed = view switch
        {
            DashboardView.Lobby => true,
            // A therapist's own day: the therapist (checked against their id at the join) and the desk and above.
            DashboardView.Therapist => true,
            _ => role is StaffRole.Admin or StaffRole.Manager or StaffRole.FrontDesk,
        };
        if (!allowed)
        {
            return $"The {view} view is not open to the {role} role.";
        }

        return await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null ? $"No clinic '{clinicId}'." : null;
    }
}
