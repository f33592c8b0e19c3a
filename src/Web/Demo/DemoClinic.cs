using PtHub.Grains.Contracts;

namespace PtHub.Web.Demo;

/// <summary>The demo clinic a newcomer sees on first start: invented people, a realistic floor and staff.</summary>
internal static class DemoClinic
{
    public const string Id = "demo";

    /// <summary>
    /// The demo clinic placed where its day is under way at <paramref name="now"/>: in the machine's own zone when it is
    /// late morning to mid-afternoon there, else in the listed zone nearest 11:00. Every screen shows its clinic time.
    /// </summary>
    public static ClinicConfig ConfigAt(DateTimeOffset now) => Config with { TimeZoneId = ZoneAt(now) };

    private static readonly string[] Zones =
    [
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
        "America/Sao_Paulo", "Atlantic/Azores", "Europe/London", "Europe/Berlin", "Europe/Athens", "Asia/Dubai", "Asia/Karachi",
        "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Singapore", "Asia/Tokyo", "Australia/Brisbane", "Pacific/Noumea", "Pacific/Auckland",
    ];

    private static string ZoneAt(DateTimeOffset now)
    {
        static double HoursFromEleven(DateTimeOffset now, TimeZoneInfo zone) => Math.Abs(TimeZoneInfo.ConvertTime(now, zone).TimeOfDay.TotalHours - 11);
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.Local).TimeOfDay;
        return local >= TimeSpan.FromHours(10) && local <= TimeSpan.FromHours(15)
            ? TimeZoneInfo.Local.Id
            : Zones.Select(TimeZoneInfo.FindSystemTimeZoneById).MinBy(zone => HoursFromEleven(now, zone))!.Id;
    }

    private static ClinicConfig Config { get; } = new(
        "Riverside Physical Therapy",
        TimeZoneInfo.Local.Id,
        [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))],
        [
            new("room-1", "Room 1", TreatmentSpaceKind.Private, 1),
            new("room-2", "Room 2", TreatmentSpaceKind.Private, 1),
            new("room-3", "Room 3", TreatmentSpaceKind.Private, 1),
            new("gym", "Gym", TreatmentSpaceKind.Gym, 8),
            new("pool", "Aquatic pool", TreatmentSpaceKind.Pool, 3),
        ],
        [
            new("dana", "Dana K., PT", 2),
            new("luis", "Luis M., PT", 2),
            new("priya", "Priya S., DPT", 2),
            new("sam", "Sam O., PTA", 3),
            new("grace", "Grace L., PT", 1),
        ],
        new AlertThresholds(),
        LobbyNamingMode.FirstNameLastInitial,
        ClinicConfig.DefaultVisitTypes);

    /// <summary>Invented patients; any likeness to real people is chance.</summary>
    public static IReadOnlyList<(string First, string Last)> Patients { get; } =
    [
        ("Avery", "Lindqvist"), ("Bruno", "Castellanos"), ("Chloe", "Whitfield"), ("Desmond", "Okafor"),
        ("Elena", "Marchetti"), ("Farid", "Haddad"), ("Greta", "Vanderberg"), ("Hiro", "Tanabe"),
        ("Imani", "Brooks"), ("Jonas", "Eklund"), ("Keira", "Donnelly"), ("Lars", "Petersen"),
        ("Maya", "Ferreira"), ("Nolan", "Ashby"), ("Olivia", "Kowalczyk"), ("Pedro", "Alvarado"),
        ("Quinn", "Galloway"), ("Rosa", "Delgado"), ("Silas", "Thornbury"), ("Tamsin", "Rhodes"),
        ("Umar", "Siddiqui"), ("Vera", "Novak"), ("Wesley", "Chambers"), ("Xenia", "Popescu"),
        ("Yusuf", "Demir"), ("Zara", "Holloway"), ("Abel", "Fontaine"), ("Bianca", "Russo"),
        ("Callum", "Reid"), ("Daria", "Volkova"), ("Emmett", "Sinclair"), ("Freya", "Nilsen"),
    ];
}
