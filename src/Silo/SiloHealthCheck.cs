using Microsoft.Extensions.Diagnostics.HealthChecks;
using PtHub.Grains.Contracts;

namespace PtHub.Silo;

/// <summary>Ready once a grain call goes through this node: the silo is active and its storage answers.</summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var clinics = await grains.GetGrain<IClinicDirectoryGrain>("all").List().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"silo active, {clinics.Count} clinic(s)");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("silo not active", ex);
        }
    }
}
