using Microsoft.Extensions.Options;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;

namespace PtHub.Web.Security;

/// <summary>
/// Anchors the audit chains every <see cref="AuditAnchorOptions.AnchorMinutes"/> (see <see cref="AuditAnchoring"/>)
/// and exports their heads to <see cref="AuditAnchorOptions.HeadsFolder"/>. Every node does it; a round right after
/// another node's adds nothing but an export.
/// </summary>
public sealed partial class AuditAnchorService(
    IAuditStore store, IGrainFactory grains, IOptions<AuditAnchorOptions> options, ILogger<AuditAnchorService> logger) : BackgroundService
{
    /// <summary>One round now: anchors, exports, and answers the heads.</summary>
    public async Task<IReadOnlyList<AuditHead>> AnchorAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = TimeProvider.System.GetUtcNow();
        var heads = await AuditAnchoring.AnchorAsync(store, record => grains.ChainOf(record).Append(record), settings.KeyBytes, Environment.MachineName, now,
            cancellationToken);
        if (!string.IsNullOrWhiteSpace(settings.HeadsFolder))
        {
            await AuditHeadsFolder.WriteAsync(settings.HeadsFolder, heads, now, cancellationToken);
        }

        return heads;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.AnchorMinutes));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await AnchorAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogAnchorFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Anchoring the audit chains failed; the next round tries again")]
    private static partial void LogAnchorFailed(ILogger logger, Exception exception);
}
