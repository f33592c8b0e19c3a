using PtHub.Grains.Contracts;
using PtHub.Web.Endpoints;

namespace PtHub.Web.Hubs;

/// <summary>
/// A board change as one therapist's screen may see it: the upserts of their own visits, and as removed every visit
/// that left the board or is no longer theirs (a screen ignores ids it does not hold). Same version as the board's.
/// </summary>
public sealed record TherapistDayDelta(string ClinicId, DateOnly Date, long Version, string TherapistId,
    IReadOnlyList<TherapistVisit> Upserts, IReadOnlyList<string> Removed)
{
    public static TherapistDayDelta For(BoardDelta delta, string therapistId) => new(delta.ClinicId, delta.Date, delta.Version, therapistId,
        [.. delta.Upserts.Where(r => r.TherapistId == therapistId).Select(TherapistVisit.Of)],
        [.. delta.Removed, .. delta.Upserts.Where(r => r.TherapistId != therapistId).Select(r => r.VisitId)]);
}
