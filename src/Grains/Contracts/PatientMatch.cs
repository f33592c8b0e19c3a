namespace PtHub.Grains.Contracts;

/// <summary>
/// One patient found by a search or a duplicate check: enough for the desk to tell two patients apart (name, birth
/// date, the phone's last 4 digits) and no more; the full record is one click away, behind its own audited read.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.PatientMatch")]
public sealed record PatientMatch(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] DateOnly BirthDate,
    [property: Id(4)] string? PhoneLast4,
    [property: Id(5)] int Rank);
