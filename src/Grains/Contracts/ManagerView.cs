namespace PtHub.Grains.Contracts;

/// <summary>The manager's live view of one clinic-day: spaces, therapists, KPIs and the day's curve. No patient names.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ManagerView")]
public sealed record ManagerView(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Version,
    [property: Id(3)] string ClinicName,
    [property: Id(4)] ValueList<SpaceLoad> Spaces,
    [property: Id(5)] ValueList<TherapistLoad> Therapists,
    [property: Id(6)] ValueList<StatusCount> ByStatus,
    [property: Id(7)] DayKpis Kpis,
    [property: Id(8)] ValueList<TimelinePoint> Timeline,
    [property: Id(9)] DateTimeOffset AsOf,
    [property: Id(10)] string TimeZoneId = "UTC");
