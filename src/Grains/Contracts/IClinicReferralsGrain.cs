namespace PtHub.Grains.Contracts;

/// <summary>A clinic's referring providers and the referrals it received (key: clinic id).</summary>
[Alias("PtHub.IClinicReferralsGrain")]
public interface IClinicReferralsGrain : IGrainWithStringKey
{
    /// <summary>Refused when another provider of the clinic has the same NPI.</summary>
    [Alias("AddProvider")]
    Task<ReferralChange> AddProvider(ReferringProviderSpec spec);

    [Alias("UpdateProvider")]
    Task<ReferralChange> UpdateProvider(string providerId, ReferringProviderSpec spec);

    [Alias("Providers"), AlwaysInterleave]
    Task<IReadOnlyList<ReferringProvider>> Providers();

    /// <summary>Refused when the provider is unknown.</summary>
    [Alias("Record")]
    Task<ReferralChange> Record(ReferralSpec spec, string recordedBy);

    /// <summary>The referrals received from <paramref name="from"/> through <paramref name="to"/>, latest first.</summary>
    [Alias("Received"), AlwaysInterleave]
    Task<IReadOnlyList<Referral>> Received(DateOnly from, DateOnly to);

    [Alias("Get"), AlwaysInterleave]
    Task<Referral?> Get(string referralId);
}
