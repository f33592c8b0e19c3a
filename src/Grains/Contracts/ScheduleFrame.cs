namespace PtHub.Grains.Contracts;

/// <summary>
/// What the schedule of a date is drawn on: the clinic's open hours that day (none: closed), its therapists with their
/// working spans and its treatment spaces. Changes only when the clinic's configuration does.
/// </summary>
/// <param name="Midnight">The instant the date begins in the clinic's time zone, from which a screen places wall-clock times.</param>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleFrame")]
public sealed record ScheduleFrame(
    [property: Id(0)] string ClinicName,
    [property: Id(1)] string TimeZoneId,
    [property: Id(2)] ValueList<ScheduleSpan> Open,
    [property: Id(3)] ValueList<ScheduleTherapist> Therapists,
    [property: Id(4)] ValueList<ScheduleSpace> Spaces,
    [property: Id(5)] DateTimeOffset Midnight);
