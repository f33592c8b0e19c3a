using Microsoft.AspNetCore.Identity;

namespace PtHub.Web.Security;

/// <summary>A disabled account cannot sign in (Identity asks this before every sign-in).</summary>
internal sealed class StaffConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(!user.Disabled);
}
