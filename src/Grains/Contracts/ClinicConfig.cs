using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>Everything a clinic configures: the shape of its floor, its staff and its policies.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ClinicConfig")]
public sealed record ClinicConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] string TimeZoneId,
    [property: Id(2)] IReadOnlyList<OpeningHours> OpeningHours,
    [property: Id(3)] IReadOnlyList<TreatmentSpace> Rooms,
    [property: Id(4)] IReadOnlyList<TherapistProfile> Therapists,
    [property: Id(5)] AlertThresholds Alerts,
    [property: Id(6)] LobbyNamingMode LobbyNaming,
    [property: Id(7)] IReadOnlyList<VisitType> VisitTypes,
    [property: Id(8)] string? LobbyMessage = null,
    [property: Id(9)] IReadOnlyList<DateOnly>? ClosedDates = null,
    [property: Id(10)] int LateCancelHours = 24,
    [property: Id(11)] int NoShowGraceMinutes = 15)
{
    public static IReadOnlyList<VisitType> DefaultVisitTypes { get; } =
    [
        new("initial-evaluation", "Initial evaluation", 60),
        new("follow-up", "Follow-up", 45),
        new("re-evaluation", "Re-evaluation", 45),
    ];

    public TreatmentSpace? FindRoom(string roomId) => Rooms.FirstOrDefault(r => r.Id == roomId);

    public TherapistProfile? FindTherapist(string therapistId) => Therapists.FirstOrDefault(t => t.Id == therapistId);

    public VisitType? FindVisitType(string code) => VisitTypes.FirstOrDefault(t => t.Code == code);

    /// <summary>Derived from <see cref="TimeZoneId"/>, so not part of the configuration's JSON (what GET shows, PUT sets).</summary>
    [JsonIgnore]
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant a local wall-clock time of a date happens in the clinic's time zone.</summary>
    public DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>Opening and closing instants of a date, or null when the clinic is closed that day. Closing at 00:00 means midnight.</summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes)? OpenOn(DateOnly date) =>
        OpeningHours.FirstOrDefault(h => h.Day == date.DayOfWeek) is { } hours && ClosedDates?.Contains(date) != true
            ? (Instant(date, hours.Opens), EndInstant(date, hours.Closes))
            : null;

    /// <summary>The end of a span that ends at <paramref name="time"/> on <paramref name="date"/>; 00:00 is the midnight after.</summary>
    public DateTimeOffset EndInstant(DateOnly date, TimeOnly time) =>
        time == TimeOnly.MinValue ? Instant(date.AddDays(1), time) : Instant(date, time);
}
