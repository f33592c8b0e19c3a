namespace PtHub.Grains.Contracts;

/// <summary>A therapist in one clinic: profile, overlap capacity, patients in treatment now. Key: "clinic|therapist".</summary>
[Alias("PtHub.ITherapistGrain")]
public interface ITherapistGrain : IGrainWithStringKey
{
    [Alias("Configure")]
    Task Configure(TherapistProfile? profile);

    [Alias("GetProfile"), AlwaysInterleave]
    Task<TherapistProfile?> GetProfile();

    /// <summary>Takes the visit into treatment; idempotent per visit; refused at the overlap capacity.</summary>
    [Alias("Take")]
    Task<Refusal?> Take(string visitId);

    [Alias("Release")]
    Task Release(string visitId);

    [Alias("GetLoad"), AlwaysInterleave]
    Task<ResourceLoad?> GetLoad();

    /// <summary>
    /// A new token for the therapist's read-only calendar feed, returned this once: only its hash is kept.
    /// Issuing one revokes the one before.
    /// </summary>
    [Alias("IssueFeedToken")]
    Task<string> IssueFeedToken();

    [Alias("RevokeFeedToken")]
    Task RevokeFeedToken();

    /// <summary>True only for the current token of a therapist still on the staff.</summary>
    [Alias("CheckFeedToken"), AlwaysInterleave]
    Task<bool> CheckFeedToken(string token);
}
