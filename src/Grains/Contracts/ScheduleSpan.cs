namespace PtHub.Grains.Contracts;

/// <summary>A span of time on the schedule: open hours, or a therapist's working time (the gaps between are breaks).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ScheduleSpan")]
public sealed record ScheduleSpan(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset Until);
