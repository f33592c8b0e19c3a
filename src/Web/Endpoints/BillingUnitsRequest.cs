using PtHub.Grains.Billing;

namespace PtHub.Web.Endpoints;

/// <summary>One patient's services on one day. An empty list is valid and bills nothing.</summary>
public sealed record BillingUnitsRequest(BillingMethod? Method, IReadOnlyList<BillingServiceLine?>? Services)
{
    // A day has 1,440 minutes; the caps also keep summed minutes far from overflowing.
    public const int MaxMinutes = 1440;
    public const int MaxServices = 100;

    public IReadOnlyDictionary<string, string[]> Validate()
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
            ValidateLine(Services[i], $"services[{i}]", errors);
        }

        return errors;
    }

    public IReadOnlyList<ServiceMinutes> ToServices() =>
        [.. Services!.Select(s => new ServiceMinutes(s!.Code!.Trim(), s.Minutes!.Value))];

    private static void ValidateLine(BillingServiceLine? line, string field, Dictionary<string, string[]> errors)
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
        else if (ProcedureCatalog.Find(line.Code) is null)
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
