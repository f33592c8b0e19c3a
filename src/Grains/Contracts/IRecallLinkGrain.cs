namespace PtHub.Grains.Contracts;

/// <summary>
/// One recall's booking link (key: its nonce). Not reentrant, so any number of clicks at once book at most one visit.
/// The caller has checked the signature and expiry.
/// </summary>
[Alias("PtHub.IRecallLinkGrain")]
public interface IRecallLinkGrain : IGrainWithStringKey
{
    /// <summary>The visit booked with the link, once it is.</summary>
    [Alias("GetBooked"), AlwaysInterleave]
    Task<string?> GetBooked();

    /// <summary>Books the link's visit at <paramref name="start"/> under the booking rules (no override); the link is then used.</summary>
    [Alias("Book")]
    Task<VisitResult> Book(RecallLink link, DateTimeOffset start);
}
