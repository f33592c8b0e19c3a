using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A referral as the desk lists it: who, from where, and its first visit and conversion as the visits stand now.</summary>
public sealed record ReferralView(
    string ReferralId,
    DateOnly ReceivedOn,
    string PatientId,
    string PatientName,
    string Reason,
    ReferralSource Source,
    string? ProviderId,
    string? ProviderName,
    string? FirstVisitId,
    DateOnly? FirstVisitDate,
    VisitStatus? FirstVisitStatus,
    bool Converted);
