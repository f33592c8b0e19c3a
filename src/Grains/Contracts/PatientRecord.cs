namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.PatientRecord")]
public sealed record PatientRecord(
    [property: Id(0)] string PatientId,
    [property: Id(1)] PatientDetails Details,
    [property: Id(2)] DateTimeOffset RegisteredAt);
