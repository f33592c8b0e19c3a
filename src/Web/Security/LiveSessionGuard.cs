using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Re-checks the accounts behind this node's open live connections as often as sessions re-read theirs: a staff
/// connection whose account was disabled, changed (new role, clinics or password: a new security stamp) or whose
/// session was signed out is closed, so a board left open cannot outlive the access it was opened with.
/// </summary>
public sealed partial class LiveSessionGuard(
    IGrainFactory grains, IOptions<SecurityOptions> security, IOptions<IdentityOptions> identity, ILogger<LiveSessionGuard> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<HubCallerContext>> _byUser = [];

    public void Track(HubCallerContext connection)
    {
        if (connection.User?.UserId() is not { } userId || connection.User.HasClaim(c => c.Type == SessionPolicy.ExternalIdentityClaim))
        {
            return;
        }

        lock (_gate)
        {
            if (!_byUser.TryGetValue(userId, out var connections))
            {
                _byUser[userId] = connections = [];
            }

            connections.Add(connection);
        }
    }

    public void Untrack(HubCallerContext connection)
    {
        if (connection.User?.UserId() is not { } userId)
        {
            return;
        }

        lock (_gate)
        {
            if (_byUser.TryGetValue(userId, out var connections) && connections.Remove(connection) && connections.Count == 0)
            {
                _byUser.Remove(userId);
            }
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
        (string UserId, HubCallerContext[] Connections)[] open;
        lock (_gate)
        {
            open = [.. _byUser.Select(kv => (kv.Key, kv.Value.ToArray()))];
        }

        foreach (var (userId, connections) in open)
        {
            var account = await grains.GetGrain<IStaffAccountGrain>(userId).Get();
            foreach (var connection in connections.Where(c => !StillValid(account, c.User)))
            {
                connection.Abort();
            }
        }
    }

    private bool StillValid(StaffAccount? account, ClaimsPrincipal? user) =>
        account is { Disabled: false } && user is not null
        && user.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value == account.SecurityStamp
        && !(account.EndedSessions ?? ValueList<EndedSession>.Empty).Any(s => s.SessionId == user.FindFirst(StaffClaims.Session)?.Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking the live connections' accounts failed; the next beat tries again")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
