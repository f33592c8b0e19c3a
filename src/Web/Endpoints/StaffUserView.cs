using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>An account as the administration page shows it: never the password hash or stamp.</summary>
public sealed record StaffUserView(
    string UserId, string UserName, string DisplayName, StaffRole Role, IReadOnlyList<string> ClinicIds, string? TherapistId,
    bool Disabled, bool LockedOut, DateTimeOffset CreatedAt)
{
    public static StaffUserView Of(StaffAccount account, DateTimeOffset now) => new(account.UserId, account.UserName, account.DisplayName,
        account.Role, account.ClinicIds, account.TherapistId, account.Disabled, account.LockoutEnd > now, account.CreatedAt);
}
