using PtHub.Grains.Contracts;

namespace PtHub.Web.Demo;

/// <summary>The demo clinic a newcomer sees on first start: invented people, a realistic floor and staff.</summary>
internal static class DemoClinic
{
    public const string Id = "demo";

    public static ClinicConfig Config { get; } = new(
        "Riverside Physical Therapy",
        // The machine's own zone, so a newcomer sees the demo day at their own time of day.
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
