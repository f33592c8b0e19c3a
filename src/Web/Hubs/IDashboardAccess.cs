using System.Security.Claims;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Hubs;

/// <summary>
/// Decides whether a connection may watch a view of a clinic. Every group join asks it; staff sign-in and
/// display tokens plug in here.
/// </summary>
public interface IDashboardAccess
{
    /// <summary>Null when allowed, else the reason for the refusal.</summary>
    Task<string?> RefuseAsync(ClaimsPrincipal user, string clinicId, DashboardView view);
}
