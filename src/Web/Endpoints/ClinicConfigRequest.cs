using System.Text.Json.Serialization;
using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's configuration as clients send it, with every setting a GET shows; omitted policies take the field's usual
/// defaults. An unknown field is refused (a misspelt setting would otherwise be dropped without a word).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ClinicConfigRequest(
    string? Name,
    string? TimeZoneId,
    IReadOnlyList<OpeningHours>? OpeningHours,
    IReadOnlyList<TreatmentSpace>? Rooms,
    IReadOnlyList<TherapistProfile>? Therapists,
    AlertThresholds? Alerts,
    LobbyNamingMode? LobbyNaming,
    IReadOnlyList<VisitType>? VisitTypes,
    string? LobbyMessage = null,
    IReadOnlyList<DateOnly>? ClosedDates = null,
    int? LateCancelHours = null,
    int? NoShowGraceMinutes = null)
{
    private static readonly ClinicConfig Defaults = new("", "", [], [], [], new AlertThresholds(), LobbyNamingMode.Initials, []);

    public static IReadOnlyList<OpeningHours> WeekdayHours { get; } =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))];

    public ClinicConfig ToConfig() => new(
        Name?.Trim() ?? "",
        TimeZoneId?.Trim() ?? "",
        OpeningHours ?? WeekdayHours,
        Rooms ?? [],
        Therapists ?? [],
        Alerts ?? new AlertThresholds(),
        LobbyNaming ?? LobbyNamingMode.Initials,
        VisitTypes ?? ClinicConfig.DefaultVisitTypes,
        string.IsNullOrWhiteSpace(LobbyMessage) ? null : LobbyMessage.Trim(),
        ClosedDates is { Count: > 0 } ? [.. ClosedDates.Order()] : null,
        LateCancelHours ?? Defaults.LateCancelHours,
        NoShowGraceMinutes ?? Defaults.NoShowGraceMinutes);

    /// <summary>A null in a list ("rooms": [null]) leaves nothing to check; it is refused before the rest is looked at.</summary>
    public IReadOnlyDictionary<string, string[]> NullEntries()
    {
        var errors = new Dictionary<string, string[]>();
        void Check<T>(string field, IEnumerable<T?>? entries)
        {
            if (entries?.Any(e => e is null) == true)
            {
                errors[field] = [$"{field} has an empty (null) entry."];
            }
        }

        Check("openingHours", OpeningHours);
        Check("rooms", Rooms);
        Check("therapists", Therapists);
        Check("therapists", Therapists?.SelectMany(t => t?.WorkingHours ?? []));
        Check("visitTypes", VisitTypes);
        return errors;
    }

    public static IReadOnlyDictionary<string, string[]> Validate(string clinicId, ClinicConfig config)
    {
        var errors = ClinicConfigValidator.Validate(config).ToDictionary();
        if (!ClinicConfigValidator.IsValidId(clinicId))
        {
            errors["clinicId"] = ["A clinic id is 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit."];
        }

        return errors;
    }
}
