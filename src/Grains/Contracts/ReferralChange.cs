namespace PtHub.Grains.Contracts;

/// <summary>A referral or a provider after a change, or why it was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ReferralChange")]
public sealed record ReferralChange(
    [property: Id(0)] Referral? Referral,
    [property: Id(1)] ReferringProvider? Provider,
    [property: Id(2)] Refusal? Refusal = null);
