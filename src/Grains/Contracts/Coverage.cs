using PtHub.Grains.Billing;

namespace PtHub.Grains.Contracts;

/// <summary>A patient's insurance as the front desk needs it: who pays, how they count units, the copay, and whether it was checked.</summary>
/// <param name="BillingMethod">How this payer turns minutes into units (the 8-minute rule or per code).</param>
/// <param name="Copay">Collected at each visit; 0 when none.</param>
[GenerateSerializer, Immutable, Alias("PtHub.Coverage")]
public sealed record Coverage(
    [property: Id(0)] string Payer,
    [property: Id(1)] string? Plan,
    [property: Id(2)] string MemberId,
    [property: Id(3)] BillingMethod BillingMethod,
    [property: Id(4)] decimal Copay,
    [property: Id(5)] bool IsMedicare,
    [property: Id(6)] VerificationStatus Verification,
    [property: Id(7)] string? VerifiedBy,
    [property: Id(8)] DateTimeOffset? VerifiedAt);
