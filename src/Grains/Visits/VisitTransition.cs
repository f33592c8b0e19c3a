using PtHub.Grains.Contracts;

namespace PtHub.Grains.Visits;

/// <summary>What an accepted command changes: the next status, where the patient is and with whom.</summary>
public sealed record VisitTransition(
    VisitAction Action,
    VisitStatus To,
    string? RoomId,
    string TherapistId,
    bool LateCancellation = false,
    string? Detail = null)
{
    /// <summary>The patient physically takes a place in the room only once checked in and roomed.</summary>
    public bool HoldsRoom => RoomId is not null && VisitLifecycle.HoldsRoom(To);

    public bool HoldsTherapist => VisitLifecycle.HoldsTherapist(To);
}
