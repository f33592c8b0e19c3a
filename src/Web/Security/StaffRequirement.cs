using Microsoft.AspNetCore.Authorization;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>A staff role among <see cref="Roles"/>, membership of the route's clinic, and a therapist only on their own routes.</summary>
internal sealed class StaffRequirement(IReadOnlyCollection<StaffRole> roles) : AuthorizationHandler<StaffRequirement>, IAuthorizationRequirement
{
    public IReadOnlyCollection<StaffRole> Roles => roles;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var user = context.User;
        if (user.StaffRole() is not { } role || !requirement.Roles.Contains(role))
        {
            return Task.CompletedTask;
        }

        if (context.Resource is HttpContext http)
        {
            if (http.GetRouteValue("clinicId") is string clinicId && !user.IsMemberOf(clinicId))
            {
                return Task.CompletedTask;
            }

            if (role == StaffRole.Therapist && http.GetRouteValue("therapistId") is string therapistId && therapistId != user.TherapistId())
            {
                return Task.CompletedTask;
            }
        }

        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
