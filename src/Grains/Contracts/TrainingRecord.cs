namespace PtHub.Grains.Contracts;

/// <summary>
/// A training of a person: its type, when it was completed (none: assigned, not yet done) and when it is next due.
/// The record due last is the one that counts for its type.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.TrainingRecord")]
public sealed record TrainingRecord(
    [property: Id(0)] string TrainingId,
    [property: Id(1)] string TypeCode,
    [property: Id(2)] DateOnly? CompletedOn,
    [property: Id(3)] DateOnly DueOn,
    [property: Id(4)] string RecordedBy,
    [property: Id(5)] DateTimeOffset RecordedAt);
