using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// One patient's services on one day. An empty list is valid and bills nothing. With <see cref="ClinicId"/> the
/// clinic's own codes count as well as the built-in ones, as they do for its visits and its charges export.
/// </summary>
public sealed record BillingUnitsRequest(BillingMethod? Method, IReadOnlyList<BillingServiceLine?>? Services, string? ClinicId = null)
{
    // A day has 1,440 minutes; the caps also keep summed minutes far from overflowing.
    public const int MaxMinutes = 1440;
    public const int MaxServices = 100;

    public IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<BillingCode> clinicCodes)
    {
        var errors = new Dictionary<string, string[]>();
        if (Method is not { } method || !Enum.IsDefined(method))
        {
            errors["method"] = ["method is required: \"cms\" or \"per_code\"."];
        }

        if (Services is null)
        {
            errors["services"] = ["services is required (a list of {code, minutes}; may be empty)."];
            return errors;
        }

        if (Services.Count > MaxServices)
        {
            errors["services"] = [$"At most {MaxServices} services per request."];
            return errors;
        }

        for (var i = 0; i < Services.Count; i++)
        {
            ValidateLine(Services[i], $"services[{i}]", clinicCodes, errors);
        }

        return errors;
    }

    /// <summary>The services, a clinic code stamped with its kind and its own spelling (as a visit records it).</summary>
    public IReadOnlyList<ServiceMinutes> ToServices(IReadOnlyList<BillingCode> clinicCodes) =>
        [.. Services!.Select(s => s!.Code!.Trim() is var code && ProcedureCatalog.Find(code) is null && Own(code, clinicCodes) is { } own
            ? new ServiceMinutes(own.Code, s.Minutes!.Value, own.Timed)
            : new ServiceMinutes(code, s.Minutes!.Value))];

    private static BillingCode? Own(string code, IReadOnlyList<BillingCode> clinicCodes) =>
        clinicCodes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    private static void ValidateLine(BillingServiceLine? line, string field, IReadOnlyList<BillingCode> clinicCodes, Dictionary<string, string[]> errors)
    {
        if (line is null)
        {
            errors[field] = ["A service needs a code and minutes."];
            return;
        }

        if (string.IsNullOrWhiteSpace(line.Code))
        {
            errors[$"{field}.code"] = ["code is required."];
        }
        else if (ProcedureCatalog.Find(line.Code) is null && Own(line.Code.Trim(), clinicCodes) is null)
        {
            errors[$"{field}.code"] = [$"Unknown procedure code '{line.Code.Trim()}'."];
        }

        if (line.Minutes is not { } minutes)
        {
            errors[$"{field}.minutes"] = ["minutes is required (a whole number; 0 is allowed for untimed codes)."];
        }
        else if (minutes is < 0 or > MaxMinutes)
        {
            errors[$"{field}.minutes"] = [$"minutes must be a whole number from 0 to {MaxMinutes}."];
        }
    }
}
