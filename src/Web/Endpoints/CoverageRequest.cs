using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A patient's insurance. A changed coverage is unverified until someone checks it.</summary>
public sealed record CoverageRequest(string? Payer, string? Plan, string? MemberId, BillingMethod? BillingMethod, decimal? Copay, bool? IsMedicare)
{
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Payer) || Payer.Length > 100)
        {
            errors["payer"] = ["A payer of 1 to 100 characters is required."];
        }

        if (string.IsNullOrWhiteSpace(MemberId) || MemberId.Length > 50)
        {
            errors["memberId"] = ["A member id of 1 to 50 characters is required."];
        }

        if (BillingMethod is null)
        {
            errors["billingMethod"] = ["billingMethod is required: cms or per_code."];
        }

        if (Copay is < 0 or > 10000)
        {
            errors["copay"] = ["copay must be between 0 and 10000."];
        }

        return errors;
    }

    public Coverage ToCoverage() => new(Payer!.Trim(), Plan?.Trim(), MemberId!.Trim(), BillingMethod!.Value, Copay ?? 0m,
        IsMedicare ?? false, VerificationStatus.Unverified, null, null);
}
