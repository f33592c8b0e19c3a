using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A licence or certification: its type (one of the clinic's), number, issuer and expiry (none: it does not expire).</summary>
public sealed record CredentialBody(string? Type, string? Number, string? Issuer, DateOnly? Expiry)
{
    public Dictionary<string, string[]> Validate(StaffSettings settings)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Type) || settings.FindCredentialType(Type.Trim()) is null)
        {
            errors["type"] = [$"type must be one of {string.Join(", ", settings.CredentialTypes.Select(t => t.Code))}."];
        }

        if (string.IsNullOrWhiteSpace(Number) || Number.Trim().Length > 60)
        {
            errors["number"] = ["number is required, at most 60 characters."];
        }
        else if (Type?.Trim() == "npi" && !Npi.IsValid(Number.Trim()))
        {
            errors["number"] = ["number is not a valid NPI (10 digits, the last a check digit)."];
        }

        if (Issuer is { Length: > 100 })
        {
            errors["issuer"] = ["issuer is at most 100 characters."];
        }

        return errors;
    }

    public CredentialSpec ToSpec() => new(Type!.Trim(), Number!.Trim(), string.IsNullOrWhiteSpace(Issuer) ? null : Issuer.Trim(), Expiry);
}
