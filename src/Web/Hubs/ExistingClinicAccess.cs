using System.Security.Claims;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Hubs;

/// <summary>Until staff sign-in exists: any clinic that exists may be watched, on any view.</summary>
internal sealed class ExistingClinicAccess(IGrainFactory grains) : IDashboardAccess
{
    public async Task<string?> RefuseAsync(ClaimsPrincipal user, string clinicId, DashboardView view) =>
        await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null ? $"No clinic '{clinicId}'." : null;
}
