namespace PtHub.Grains.Visits;

/// <summary>Which room and therapist places a transition takes and frees, compared with where the visit is now.</summary>
internal readonly record struct PlaceChanges
{
    public PlaceChanges(VisitState before, VisitTransition after)
    {
        var roomBefore = VisitLifecycle.HoldsRoom(before.Status) ? before.RoomId : null;
        var roomAfter = after.HoldsRoom ? after.RoomId : null;
        var therapistBefore = VisitLifecycle.HoldsTherapist(before.Status) ? before.TherapistId : null;
        var therapistAfter = after.HoldsTherapist ? after.TherapistId : null;
        RoomTaken = roomAfter != roomBefore ? roomAfter : null;
        RoomFreed = roomAfter != roomBefore ? roomBefore : null;
        TherapistTaken = therapistAfter != therapistBefore ? therapistAfter : null;
        TherapistFreed = therapistAfter != therapistBefore ? therapistBefore : null;
    }

    public string? RoomTaken { get; }

    public string? RoomFreed { get; }

    public string? TherapistTaken { get; }

    public string? TherapistFreed { get; }
}
