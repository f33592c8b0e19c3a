using PtHub.Grains.Contracts;

namespace PtHub.Grains.Visits;

/// <summary>
/// Reads many visits' snapshots at once, each with its own short timeout and a few tries. After a node dies, a call
/// placed while the cluster still believes in it can be lost (seen as "expired before placement could complete"),
/// and without a bound it held a whole clinic-day for Orleans' 30 s response timeout; a second try, placed after
/// the node is declared dead, answers at once. A snapshot is a read that interleaves, so it is never slow for
/// being busy: a timeout here means a lost message, not a slow visit.
/// </summary>
internal static class VisitReads
{
    /// <summary>Tries per visit; with <see cref="IVisitGrain.GetSnapshot"/>'s timeout the bound stays near Orleans' own 30 s.</summary>
    public const int Tries = 6;

    public static Task<VisitSnapshot?[]> SnapshotsAsync(IGrainFactory grains, IEnumerable<string> visitIds) =>
        Task.WhenAll(visitIds.Select(id => SnapshotAsync(grains.GetGrain<IVisitGrain>(id))));

    public static async Task<VisitSnapshot?> SnapshotAsync(IVisitGrain visit)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await visit.GetSnapshot();
            }
            catch (TimeoutException) when (attempt < Tries)
            {
                // Lost with a dead node: the next try is placed anew.
            }
        }
    }
}
