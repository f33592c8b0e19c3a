namespace PtHub.Grains.Contracts;

/// <summary>
/// A patient waiting for an earlier or any slot, with preferences: a therapist (or any), weekdays (or any), a time
/// window, and a priority (1 is most urgent). Proposed when a matching slot frees; never booked automatically.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.WaitlistEntry")]
public sealed record WaitlistEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string VisitTypeCode,
    [property: Id(3)] string? TherapistId,
    [property: Id(4)] ValueList<DayOfWeek> Days,
    [property: Id(5)] TimeOnly? Earliest,
    [property: Id(6)] TimeOnly? Latest,
    [property: Id(7)] int Priority,
    [property: Id(8)] DateTimeOffset AddedAt,
    [property: Id(9)] string? BookedVisitId = null);
