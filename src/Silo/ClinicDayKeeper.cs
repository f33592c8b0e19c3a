using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Silo;

/// <summary>
/// Keeps every clinic's today active, so the work its clock drives (automatic no-shows, alerts) runs even when no
/// screen watches and after a restart: the visits are durable, and this wakes the day that acts on them. It runs on
/// every node; waking an active grain is a no-op, so running it twice costs nothing but a call.
/// </summary>
internal sealed partial class ClinicDayKeeper(
    IGrainFactory grains,
    IOptions<PtHubOptions> options,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    ILogger<ClinicDayKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.KeeperSeconds));
        do
        {
            try
            {
                foreach (var clinic in await grains.GetGrain<IClinicDirectoryGrain>("all").List())
                {
                    if (await grains.GetGrain<IClinicGrain>(clinic.ClinicId).GetConfig() is { } config)
                    {
                        await grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinic.ClinicId, config.LocalDate(time.GetUtcNow()))).Wake();
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A grain call timing out (TaskCanceledException) while a silo dies must not stop this node's host.
                LogWakeFailed(logger, ex);
            }
        }
        while (await NextAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake today's clinic days; trying again at the next beat")]
    private static partial void LogWakeFailed(ILogger logger, Exception ex);
}
