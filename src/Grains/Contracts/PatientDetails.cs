namespace PtHub.Grains.Contracts;

/// <summary>A patient's demographics: protected health information, shown only to staff who need it.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.PatientDetails")]
public sealed record PatientDetails(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] DateOnly BirthDate,
    [property: Id(4)] string? Phone,
    [property: Id(5)] string? Email);
