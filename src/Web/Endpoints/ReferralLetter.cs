using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// What a thank-you and progress letter to the referring provider says: the minimum a referring provider needs about
/// their patient (name, birth date, the reason they gave, the first visit and how many visits were attended).
/// </summary>
public sealed record ReferralLetter(
    string ReferralId,
    string ClinicName,
    DateOnly Written,
    string ProviderName,
    string? Practice,
    string? Fax,
    string PatientId,
    string PatientName,
    DateOnly BirthDate,
    DateOnly ReceivedOn,
    string Reason,
    DateOnly? FirstVisitDate,
    VisitStatus? FirstVisitStatus,
    int VisitsAttended,
    DateOnly? NextVisitDate);
