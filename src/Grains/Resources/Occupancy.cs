namespace PtHub.Grains.Resources;

/// <summary>The visits holding places of a room or a therapist, against a capacity. Idempotent per visit.</summary>
[GenerateSerializer, Alias("PtHub.Occupancy")]
public sealed class Occupancy
{
    [Id(0)] public List<string> VisitIds { get; set; } = [];

    public bool Holds(string visitId) => VisitIds.Contains(visitId);

    /// <summary>True when the visit now holds a place (it already did, or there was room for it).</summary>
    public bool TryTake(string visitId, int capacity)
    {
        if (Holds(visitId))
        {
            return true;
        }

        if (VisitIds.Count >= capacity)
        {
            return false;
        }

        VisitIds.Add(visitId);
        return true;
    }

    public bool Release(string visitId) => VisitIds.Remove(visitId);
}
