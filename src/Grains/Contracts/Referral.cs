namespace PtHub.Grains.Contracts;

/// <summary>
/// A referral as the front desk took it in: when it was received, for which patient, why (free text), from which
/// source and, for a physician's referral, which provider. Its first visit is not stored: it is the patient's visits
/// as they are (see docs/figures.md, "Referrals"), so a visit booked, moved or cancelled later counts as it stands.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.Referral")]
public sealed record Referral(
    [property: Id(0)] string ReferralId,
    [property: Id(1)] DateOnly ReceivedOn,
    [property: Id(2)] string PatientId,
    [property: Id(3)] string Reason,
    [property: Id(4)] ReferralSource Source,
    [property: Id(5)] string? ProviderId,
    [property: Id(6)] string RecordedBy,
    [property: Id(7)] DateTimeOffset RecordedAt);
