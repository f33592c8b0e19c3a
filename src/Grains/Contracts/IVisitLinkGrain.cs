namespace PtHub.Grains.Contracts;

/// <summary>
/// One patient link (key: its nonce). Not reentrant, so two clicks of the same link are taken one after the other and
/// only the first acts. The caller has checked the link's signature and expiry; the grain checks that it is unused and
/// that the visit is still the one it was sent for, then gives the same visit command the desk would.
/// </summary>
[Alias("PtHub.IVisitLinkGrain")]
public interface IVisitLinkGrain : IGrainWithStringKey
{
    [Alias("GetUse"), AlwaysInterleave]
    Task<VisitLinkUse?> GetUse();

    [Alias("Confirm")]
    Task<VisitResult> Confirm(VisitLink link);

    [Alias("Cancel")]
    Task<VisitResult> Cancel(VisitLink link);

    /// <summary>Moves the visit to <paramref name="start"/> with the same therapist, under the booking rules (no override).</summary>
    [Alias("Reschedule")]
    Task<VisitResult> Reschedule(VisitLink link, DateTimeOffset start);
}
