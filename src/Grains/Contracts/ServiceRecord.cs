namespace PtHub.Grains.Contracts;

/// <summary>A maintenance visit of a piece of equipment: when, by whom (a person or company), what was done.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ServiceRecord")]
public sealed record ServiceRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string By,
    [property: Id(2)] string? Note,
    [property: Id(3)] string RecordedBy,
    [property: Id(4)] DateTimeOffset RecordedAt);
