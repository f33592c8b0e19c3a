using PtHub.Grains.Kpis;

namespace PtHub.Web.Endpoints;

/// <summary>A KPI request's range and grouping, checked: the answer's problem names each wrong field.</summary>
internal sealed record KpiRange(DateOnly From, DateOnly To, KpiGrouping By)
{
    /// <summary>Three years of days at most: a year against the one before, and room for the periods around it.</summary>
    public const int MaxDays = 1096;

    public const int DefaultDays = 28;

    public static (KpiRange? Range, Dictionary<string, string[]> Errors) Parse(DateOnly? from, DateOnly? to, string? by, DateOnly today, DateTimeOffset now, int maxDays = MaxDays)
    {
        var errors = new Dictionary<string, string[]>();
        KpiGrouping? grouping = by?.ToLowerInvariant() switch
        {
            null or "day" => KpiGrouping.Day,
            "week" => KpiGrouping.Week,
            "month" => KpiGrouping.Month,
            _ => null,
        };
        if (grouping is null)
        {
            errors["by"] = ["by must be day, week or month."];
        }

        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is { } day && !DateWindow.Contains(day, now))
            {
                errors[name] = [DateWindow.Message(name)];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var last = to ?? today;
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            errors["from"] = ["from must be on or before to."];
        }
        else if (last.DayNumber - first.DayNumber + 1 > maxDays)
        {
            errors["to"] = [$"The range may span at most {maxDays} days."];
        }

        return errors.Count > 0 ? (null, errors) : (new KpiRange(first, last, grouping!.Value), errors);
    }
}
