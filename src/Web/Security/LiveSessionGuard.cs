using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// This node's open live connections, by who opened them, so that none outlives the access it was opened with. A
/// revoked display is closed at once (<see cref="CloseDisplay"/>, on the revocation's way through the clinic-day).
/// Besides, as often as sessions re-read their account, every connection is checked again: a staff connection whose
/// account was disabled or changed (a new security stamp: role, clinics, password) or whose session was signed
/// out is closed, and so is a display revoked while this node was not watching its clinic.
/// </summary>
public sealed partial class LiveSessionGuard(
    IGrainFactory grains, IOptions<SecurityOptions> security, IOptions<IdentityOptions> identity, ILogger<LiveSessionGuard> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Holder, HashSet<HubCallerContext>> _open = [];

    public void Track(HubCallerContext connection)
    {
        if (HolderOf(connection.User) is not { } holder)
        {
            return;
        }

        lock (_gate)
        {
            if (!_open.TryGetValue(holder, out var connections))
            {
                _open[holder] = connections = [];
            }

            connections.Add(connection);
        }
    }

    public void Untrack(HubCallerContext connection)
    {
        if (HolderOf(connection.User) is not { } holder)
        {
            return;
        }

        lock (_gate)
        {
            if (_open.TryGetValue(holder, out var connections) && connections.Remove(connection) && connections.Count == 0)
            {
                _open.Remove(holder);
            }
        }
    }

    /// <summary>Closes a revoked display's connections on this node now.</summary>
    public void CloseDisplay(string clinicId, string displayId)
    {
        foreach (var connection in ConnectionsOf(new Holder(HolderKind.Display, clinicId, displayId)))
        {
            connection.Abort();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, security.Value.AccountRecheckSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogCheckFailed(logger, error);
            }
        }
    }

    private async Task CheckAsync()
    {
        Holder[] holders;
        lock (_gate)
        {
            holders = [.. _open.Keys];
        }

        foreach (var holder in holders)
        {
            if (holder.Kind == HolderKind.Display)
            {
                if (!await grains.GetGrain<IClinicDisplaysGrain>(holder.ClinicId!).IsActive(holder.Id))
                {
                    CloseDisplay(holder.ClinicId!, holder.Id);
                }

                continue;
            }

            var account = await grains.GetGrain<IStaffAccountGrain>(holder.Id).Get();
            foreach (var connection in ConnectionsOf(holder).Where(c => !StillValid(account, c.User)))
            {
                connection.Abort();
            }
        }
    }

    private HubCallerContext[] ConnectionsOf(Holder holder)
    {
        lock (_gate)
        {
            return _open.TryGetValue(holder, out var connections) ? [.. connections] : [];
        }
    }

    private bool StillValid(StaffAccount? account, ClaimsPrincipal? user) =>
        account is not null && user is not null
        && user.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value == account.SecurityStamp
        && account.IsSessionLive(user.FindFirst(StaffClaims.Session)?.Value);

    /// <summary>A display, or a member of staff with a PtHub account (an identity provider's users have none to re-read).</summary>
    private static Holder? HolderOf(ClaimsPrincipal? user) =>
        user?.DisplayId() is { } displayId ? new Holder(HolderKind.Display, user.FindFirst(StaffClaims.Clinic)?.Value, displayId)
        : user?.UserId() is { } userId && !user.HasClaim(c => c.Type == SessionPolicy.ExternalIdentityClaim) ? new Holder(HolderKind.Staff, null, userId)
        : null;

    private enum HolderKind
    {
        Staff,
        Display,
    }

    private sealed record Holder(HolderKind Kind, string? ClinicId, string Id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking the live connections' access failed; the next beat tries again")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
