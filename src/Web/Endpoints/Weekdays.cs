namespace PtHub.Web.Endpoints;

/// <summary>Weekdays as people write them in a query: "mon,wed,fri" or "monday, wednesday".</summary>
internal static class Weekdays
{
    public static IReadOnlySet<DayOfWeek> Parse(string? text, out IReadOnlyList<string> unknown)
    {
        var days = new HashSet<DayOfWeek>();
        var wrong = new List<string>();
        foreach (var word in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d =>
                string.Equals(d.ToString(), word, StringComparison.OrdinalIgnoreCase)
                || (word.Length == 3 && d.ToString()!.StartsWith(word, StringComparison.OrdinalIgnoreCase)));
            if (day is { } found)
            {
                days.Add(found);
            }
            else
            {
                wrong.Add(word);
            }
        }

        unknown = wrong;
        return days;
    }
}
