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

public sealed record VerificationRequest(VerificationStatus? Status);

public sealed record AuthorizationRequest(string? Id, DateOnly? From, DateOnly? To, int? VisitsAuthorized, int? UnitsAuthorized)
{
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (From is null || To is null || To < From)
        {
            errors["to"] = ["from and to (yyyy-MM-dd) are required, to not before from."];
        }

        if (VisitsAuthorized is null && UnitsAuthorized is null)
        {
            errors["visitsAuthorized"] = ["Authorize visits, units or both."];
        }

        if (VisitsAuthorized is < 1 or > 500 || UnitsAuthorized is < 1 or > 5000)
        {
            errors["unitsAuthorized"] = ["Authorized visits are 1-500 and units 1-5000."];
        }

        return errors;
    }

    public Authorization ToAuthorization() =>
        new(string.IsNullOrWhiteSpace(Id) ? Guid.NewGuid().ToString("N")[..12] : Id.Trim(), From!.Value, To!.Value, VisitsAuthorized, UnitsAuthorized, 0, 0);
}

public sealed record PlanOfCareRequest(DateOnly? Start);
