using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A referring provider: name and NPI (ten digits with a valid check digit) required; practice and contact optional.</summary>
public sealed record ReferringProviderBody(string? Name, string? Npi, string? Practice, string? Phone, string? Email, string? Fax)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            errors["name"] = ["name is required, at most 100 characters."];
        }

        if (!Grains.Npi.IsValid(Npi?.Trim()))
        {
            errors["npi"] = ["npi must be 10 digits whose last is the check digit (e.g. 1234567893)."];
        }

        if (!string.IsNullOrWhiteSpace(Email) && (Email.Trim().Length > 200 || !Email.Contains('@', StringComparison.Ordinal)))
        {
            errors["email"] = ["email must be an address like office@example.org."];
        }

        foreach (var (field, value) in new[] { ("practice", Practice), ("phone", Phone), ("fax", Fax) })
        {
            if (value is { Length: > 100 })
            {
                errors[field] = [$"{field} is at most 100 characters."];
            }
        }

        return errors;
    }

    public ReferringProviderSpec ToSpec() => new(Name!.Trim(), Npi!.Trim(), Blank(Practice), Blank(Phone), Blank(Email), Blank(Fax));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
