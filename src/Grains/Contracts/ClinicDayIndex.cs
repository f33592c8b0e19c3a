using System.Collections.Immutable;

namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic-day's index as its write side holds it: the visits booked or moved into the day, the minutes each
/// therapist runs late, and the last view epoch handed out before the live views had a grain of their own.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ClinicDayIndex")]
public sealed record ClinicDayIndex(
    [property: Id(0)] ValueList<string> VisitIds,
    [property: Id(1)] ImmutableDictionary<string, int> RunningLate,
    [property: Id(2)] int EpochBefore);
