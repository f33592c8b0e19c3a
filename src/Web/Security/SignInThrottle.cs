using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Failed sign-ins count per account and source address, never per account alone: after
/// <see cref="SecurityOptions.LockoutAttempts"/> failures the pair waits <see cref="SecurityOptions.LockoutMinutes"/>,
/// doubling with each further failure, while the owner signing in from elsewhere is not held up. Each address also
/// has a budget of failures across all accounts (<see cref="SecurityOptions.SignInFailuresPerAddress"/>), so guessing
/// over many accounts stops too. Every lock is audited on the system chain; an administrator's unlock clears them all.
/// </summary>
internal sealed class SignInThrottle(IGrainFactory grains, IOptions<SecurityOptions> options, [FromKeyedServices(Clock.Key)] TimeProvider time)
{
    /// <summary>The longest wait is the first one times 2^6: 16 hours with the default 15 minutes.</summary>
    private const int MaxDoublings = 6;

    public async Task<bool> IsBlockedAsync(string? accountId, string address)
    {
        var security = options.Value;
        if (await grains.GetGrain<ISignInSourceGrain>(address).FailuresWithin(Window) >= security.SignInFailuresPerAddress)
        {
            return true;
        }

        return accountId is not null
            && BlockedUntil(await grains.GetGrain<IStaffAccountGrain>(accountId).FailuresFrom(address), security.LockoutAttempts, Window) > time.GetUtcNow();
    }

    public async Task FailedAsync(string? accountId, string address)
    {
        var security = options.Value;
        var source = grains.GetGrain<ISignInSourceGrain>(address);
        await source.RecordFailure();
        if (await source.FailuresWithin(Window) == security.SignInFailuresPerAddress)
        {
            await AuditLockAsync(accountId ?? "anonymous", address, $"sign-in from {address}: {security.SignInFailuresPerAddress} failures over all accounts");
        }

        if (accountId is not null
            && await grains.GetGrain<IStaffAccountGrain>(accountId).RecordFailure(address) is { } failures
            && BlockedUntil(failures, security.LockoutAttempts, Window) is { } until)
        {
            await AuditLockAsync(accountId, address, $"sign-in from {address}: {failures.Count} failures, locked until {until:O}");
        }
    }

    public Task SucceededAsync(string accountId, string address) =>
        grains.GetGrain<IStaffAccountGrain>(accountId).ClearFailures(address);

    /// <summary>Until when <paramref name="failures"/> keep their source out: null below the threshold.</summary>
    public static DateTimeOffset? BlockedUntil(SignInFailures? failures, int attempts, TimeSpan first) =>
        failures is { } f && f.Count >= attempts
            ? f.Last + first * (1 << Math.Min(f.Count - attempts, MaxDoublings))
            : null;

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    private Task AuditLockAsync(string accountId, string address, string resource)
    {
        var record = new AuditRecord(accountId, "Anonymous", null, null, "account.lock", resource, AuditOutcomes.Ok, address);
        return grains.ChainOf(record).Append(record);
    }
}
