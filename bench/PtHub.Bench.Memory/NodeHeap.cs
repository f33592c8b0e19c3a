using System.Runtime;

namespace PtHub.Bench.Memory;

/// <summary>The node's managed heap and its activations, read in the node's own process.</summary>
internal sealed class NodeHeap(IGrainFactory grains)
{
    private IManagementGrain Management => grains.GetGrain<IManagementGrain>(0);

    /// <summary>Bytes of live managed objects after full, blocking, compacting collections (finalizers run in between).</summary>
    public static long Bytes()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Active grains per grain class (short name).</summary>
    public async Task<Dictionary<string, int>> ActivationsAsync()
    {
        var statistics = await Management.GetSimpleGrainStatistics();
        return statistics
            .GroupBy(s => ShortName(s.GrainType))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }

    /// <summary>Deactivates every activation of the node, as if all had been idle for long.</summary>
    public Task DeactivateAllAsync() => Management.ForceActivationCollection(TimeSpan.Zero);

    /// <summary>
    /// Waits until the activations of the clinic-days' visits and patients are gone, or have not dropped for a
    /// while (none are collected early in a build that keeps them for the default age), within <paramref name="limit"/>.
    /// </summary>
    public async Task<TimeSpan> SettleAsync(TimeSpan limit, TimeSpan patience)
    {
        var started = DateTime.UtcNow;
        var last = int.MaxValue;
        var lastDrop = started;
        while (DateTime.UtcNow - started < limit)
        {
            var active = await ActivationsAsync();
            var shortLived = active.GetValueOrDefault("VisitGrain") + active.GetValueOrDefault("PatientGrain");
            if (shortLived == 0)
            {
                break;
            }

            if (shortLived < last)
            {
                last = shortLived;
                lastDrop = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastDrop > patience)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return DateTime.UtcNow - started;
    }

    private static string ShortName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
