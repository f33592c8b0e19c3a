using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// The account as ASP.NET Core Identity works on it: Identity sets the hash, stamp and lockout fields one by one
/// and then saves, so this is a mutable copy of the grain's <see cref="StaffAccount"/>.
/// </summary>
public sealed class StaffUser
{
    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public StaffRole Role { get; set; }

    public List<string> ClinicIds { get; set; } = [];

    public string? TherapistId { get; set; }

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = "";

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The security stamp as read from storage: a save succeeds only if nobody changed the account since.</summary>
    public string StoredStamp { get; set; } = "";

    public static StaffUser From(StaffAccount account) => new()
    {
        UserId = account.UserId,
        UserName = account.UserName,
        DisplayName = account.DisplayName,
        Role = account.Role,
        ClinicIds = [.. account.ClinicIds],
        TherapistId = account.TherapistId,
        PasswordHash = account.PasswordHash,
        SecurityStamp = account.SecurityStamp,
        AccessFailedCount = account.AccessFailedCount,
        LockoutEnd = account.LockoutEnd,
        Disabled = account.Disabled,
        CreatedAt = account.CreatedAt,
        StoredStamp = account.SecurityStamp,
    };

    public StaffAccount ToAccount() => new(UserId, UserName, DisplayName, Role, ClinicIds.ToValueList(), TherapistId, PasswordHash,
        SecurityStamp, AccessFailedCount, LockoutEnd, Disabled, CreatedAt);
}
