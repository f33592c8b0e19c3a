namespace PtHub.Grains.Contracts;

/// <summary>A therapist's column on the schedule: when they work that day; no spans at all is a day off.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleTherapist")]
public sealed record ScheduleTherapist(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] ValueList<ScheduleSpan> Working,
    [property: Id(3)] bool DayOff);
