using Microsoft.AspNetCore.Identity;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// ASP.NET Core Identity's store over the staff account grains: Identity hashes passwords, counts failures and
/// locks accounts out; the grains keep the accounts in PtHub's own storage, on every node alike.
/// </summary>
internal sealed class StaffUserStore(IGrainFactory grains) :
    IUserPasswordStore<StaffUser>, IUserSecurityStampStore<StaffUser>, IUserLockoutStore<StaffUser>
{
    public Task<string> GetUserIdAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserId);

    public Task<string?> GetUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(StaffUser user, string? userName, CancellationToken cancellationToken)
    {
        // The user id is derived from the name, so a name changes only in letter case.
        if (userName is null || StaffAccount.IdOf(userName) != user.UserId)
        {
            throw new InvalidOperationException("A staff user name can change only in letter case.");
        }

        user.UserName = userName;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.UserName.ToUpperInvariant());

    public Task SetNormalizedUserNameAsync(StaffUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(StaffUser user, CancellationToken cancellationToken) =>
        await grains.GetGrain<IStaffDirectoryGrain>(Directory).Create(user.ToAccount())
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = $"The user name '{user.UserName}' is taken." });

    public async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (!await grains.GetGrain<IStaffAccountGrain>(user.UserId).Update(user.ToAccount(), user.StoredStamp))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "ConcurrencyFailure", Description = $"The account '{user.UserName}' was changed meanwhile (or does not exist); read it again.",
            });
        }

        user.StoredStamp = user.SecurityStamp;
        return IdentityResult.Success;
    }

    /// <summary>Accounts are disabled, never deleted: the audit log keeps naming them.</summary>
    public Task<IdentityResult> DeleteAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NotSupported", Description = "Disable the account instead." }));

    public async Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(userId) || userId.Contains(GrainKeys.Separator, StringComparison.Ordinal)
            ? null
            : await grains.GetGrain<IStaffAccountGrain>(userId).Get() is { } account ? StaffUser.From(account) : null;

    public Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByIdAsync(StaffAccount.IdOf(normalizedUserName), cancellationToken);

    public Task SetPasswordHashAsync(StaffUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(StaffUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(StaffUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }

    private const string Directory = "all";
}
