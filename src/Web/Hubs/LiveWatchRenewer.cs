using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Silo;

namespace PtHub.Web.Hubs;

/// <summary>
/// Renews this node's subscriptions on a heartbeat: they vanish silently when a clinic-day grain moves or its silo
/// dies, and a new day starts at midnight. When a silo is declared dead it renews at once rather than at the next
/// beat, so this node's screens resync within moments of the cluster noticing.
/// </summary>
public sealed partial class LiveWatchRenewer(
    IGrainFactory grains,
    IClusterMembershipService membership,
    LiveWatchRegistry registry,
    DashboardBridge bridge,
    IOptions<PtHubOptions> options,
    ILogger<LiveWatchRenewer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _renewNow = new(0, 1);
    private Task<bool>? _pendingTick;
    private Task? _pendingRenew;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RenewLoopAsync(stoppingToken), WatchMembershipAsync(stoppingToken));

    private async Task WatchMembershipAsync(CancellationToken stopping)
    {
        var dead = 0;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping))
            {
                var now = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Dead);
                if (now > dead && _renewNow.CurrentCount == 0)
                {
                    _renewNow.Release();
                }

                dead = now;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RenewLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WatchRenewSeconds));
        while (await TickAsync(timer, stopping))
        {
            var clinicIds = registry.Clinics();
            foreach (var (clinicId, date) in registry.Schedules())
            {
                try
                {
                    await grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, date)).Watch(bridge.Observer, bridge.Lease);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    LogRenewFailed(logger, ex, clinicId);
                }
            }

            foreach (var clinicId in clinicIds)
            {
                try
                {
                    var day = await bridge.TodayAsync(clinicId);
                    await day.Watch(bridge.Observer, bridge.Lease);
                    registry.SetDay(clinicId, day);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // The silo holding the grain may be dying; the next beat tries again, on whichever silo takes it.
                    LogRenewFailed(logger, ex, clinicId);
                }
            }
        }
    }

    /// <summary>Waits for the next beat or for a silo's death, whichever comes first; false when stopping.</summary>
    private async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            // Both waits are kept across calls: an abandoned semaphore wait would swallow the next signal.
            _pendingTick ??= timer.WaitForNextTickAsync(stopping).AsTask();
            _pendingRenew ??= _renewNow.WaitAsync(stopping);
            var first = await Task.WhenAny(_pendingTick, _pendingRenew);
            if (first == _pendingTick)
            {
                var ticked = await _pendingTick;
                _pendingTick = null;
                return ticked && !stopping.IsCancellationRequested;
            }

            await _pendingRenew;
            _pendingRenew = null;
            return !stopping.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the live subscription of clinic {ClinicId}")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, string clinicId);
}
