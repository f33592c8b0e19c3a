using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A referral taken in at the desk: received (not after today), the patient, the reason in free text, the source, and
/// for a physician's referral the referring provider.
/// </summary>
public sealed record ReferralBody(DateOnly? ReceivedOn, string? PatientId, string? Reason, ReferralSource? Source, string? ProviderId)
{
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (ReceivedOn is not { } received || received > today || received < today.AddYears(-2))
        {
            errors["receivedOn"] = ["receivedOn is required, not after today and at most two years back."];
        }

        if (string.IsNullOrWhiteSpace(PatientId))
        {
            errors["patientId"] = ["patientId is required."];
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > 500)
        {
            errors["reason"] = ["reason is required, at most 500 characters."];
        }

        if (Source is not { } source || !Enum.IsDefined(source))
        {
            errors["source"] = [$"source is one of {string.Join(", ", Enum.GetNames<ReferralSource>())}."];
        }
        else if (source == ReferralSource.Physician && string.IsNullOrWhiteSpace(ProviderId))
        {
            errors["providerId"] = ["providerId is required for a physician's referral."];
        }
        else if (source != ReferralSource.Physician && !string.IsNullOrWhiteSpace(ProviderId))
        {
            errors["providerId"] = ["providerId is only for a physician's referral."];
        }

        return errors;
    }

    public ReferralSpec ToSpec() =>
        new(ReceivedOn!.Value, PatientId!.Trim(), Reason!.Trim(), Source!.Value, string.IsNullOrWhiteSpace(ProviderId) ? null : ProviderId.Trim());
}
