using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

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
