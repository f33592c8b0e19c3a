using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// On the very first start (no account at all) creates the administrator: with the configured password, or a
/// generated one shown once, in the start-up banner (<see cref="FirstRunNotice"/>). There is no default password.
/// Runs after the silo has started.
/// </summary>
internal sealed class FirstRunAdmin(
    IGrainFactory grains, IServiceScopeFactory scopes, IOptions<SecurityOptions> options, FirstRunNotice notice,
    [FromKeyedServices(Grains.Clock.Key)] TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Every later start: nothing to do, and no password to generate, check and hash (PBKDF2 is slow on purpose).
        // Nodes racing on the very first start are settled by CreateFirstAdmin below.
        var directory = grains.GetGrain<IStaffDirectoryGrain>("all");
        if ((await directory.List()).Count > 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var security = options.Value;
        var generated = string.IsNullOrEmpty(security.AdminPassword);
        var password = generated ? NewPassword() : security.AdminPassword!;
        var admin = new StaffUser
        {
            UserId = StaffAccount.IdOf(security.AdminUserName),
            UserName = security.AdminUserName,
            DisplayName = "Administrator",
            Role = StaffRole.Admin,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = time.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, admin, password) is { Succeeded: false } result)
            {
                throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions),
                    [$"PtHub:Security:AdminPassword is too weak: {string.Join(" ", result.Errors.Select(e => e.Description))}"]);
            }
        }

        admin.PasswordHash = users.PasswordHasher.HashPassword(admin, password);
        if (!await directory.CreateFirstAdmin(admin.ToAccount()))
        {
            return;
        }

        notice.Text = generated
            ? $"First run: the administrator '{admin.UserName}' has the password  {password}  (shown only now; keep it safe)"
            : $"First run: the administrator '{admin.UserName}' has the configured password (PtHub:Security:AdminPassword)";
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>20 random characters, about 120 bits.</summary>
    public static string NewPassword() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(15));
}
