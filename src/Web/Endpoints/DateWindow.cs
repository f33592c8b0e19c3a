namespace PtHub.Web.Endpoints;

/// <summary>
/// How far from today a date in a request may lie: wide enough for any schedule, plan or authorization, and far
/// enough from the ends of the calendar that time-zone conversions and date arithmetic cannot overflow (0001-01-01
/// or 9999-12-31 used to answer 500).
/// </summary>
internal static class DateWindow
{
    public const int Years = 10;

    public static bool Contains(DateTimeOffset value, DateTimeOffset now) =>
        value > now.AddYears(-Years) && value < now.AddYears(Years);

    public static bool Contains(DateOnly value, DateTimeOffset now) =>
        Contains(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), now);

    public static string Message(string field) => $"{field} must be within {Years} years of today.";
}
