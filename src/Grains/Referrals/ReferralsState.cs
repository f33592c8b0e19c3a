using PtHub.Grains.Contracts;

namespace PtHub.Grains.Referrals;

[GenerateSerializer, Alias("PtHub.ReferralsState")]
public sealed class ReferralsState
{
    [Id(0)] public List<ReferringProvider> Providers { get; set; } = [];

    [Id(1)] public List<Referral> Referrals { get; set; } = [];
}
