namespace PtHub.Web.Endpoints;

/// <summary>
/// A year's establishment figures for the annual summary, as the manager enters them from payroll: the annual average
/// number of employees and the total hours they worked. The hours cannot exceed what that many people could work in
/// the year (every hour of every day).
/// </summary>
public sealed record InjurySummaryBody(int? Year, int? AverageEmployees, long? HoursWorked)
{
    public const int MaxEmployees = 100_000;

    public Dictionary<string, string[]> Validate(int thisYear)
    {
        var errors = new Dictionary<string, string[]>();
        if (Year is not { } year || year < 1971 || year > thisYear)
        {
            errors["year"] = [$"year is from 1971 to {thisYear}."];
        }

        if (AverageEmployees is not (>= 0 and <= MaxEmployees))
        {
            errors["averageEmployees"] = [$"averageEmployees (the year's average number of employees) is a whole number from 0 to {MaxEmployees}."];
        }

        if (HoursWorked is not >= 0)
        {
            errors["hoursWorked"] = ["hoursWorked (the total hours all employees worked in the year) is a whole number, 0 or more."];
        }
        else if (AverageEmployees is >= 0 and <= MaxEmployees && Year is { } y && y >= 1971 && y <= thisYear && HoursWorked > (long)AverageEmployees * HoursIn(y))
        {
            errors["hoursWorked"] = [$"hoursWorked is more than {AverageEmployees} employee(s) could work in {y} ({(long)AverageEmployees * HoursIn(y)} hours)."];
        }

        return errors;
    }

    private static int HoursIn(int year) => (DateTime.IsLeapYear(year) ? 366 : 365) * 24;
}
