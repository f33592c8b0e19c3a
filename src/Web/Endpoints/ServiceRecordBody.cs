namespace PtHub.Web.Endpoints;

/// <summary>A service of a piece of equipment: its date (not in the future) and who did it.</summary>
public sealed record ServiceRecordBody(DateOnly? Date, string? By, string? Note)
{
    public IReadOnlyDictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (Date is not { } date || date > today)
        {
            errors["date"] = ["date is required and not after today."];
        }

        if (string.IsNullOrWhiteSpace(By))
        {
            errors["by"] = ["by (who serviced it) is required."];
        }

        return errors;
    }
}
