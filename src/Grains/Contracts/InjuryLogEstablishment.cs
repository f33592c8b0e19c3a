namespace PtHub.Grains.Contracts;

/// <summary>
/// What the manager enters for a year's summary (the OSHA 300A's establishment information): the annual average number
/// of employees and the total hours all employees worked that year, with who entered them and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryLogEstablishment")]
public sealed record InjuryLogEstablishment(
    [property: Id(0)] int Year,
    [property: Id(1)] int AverageEmployees,
    [property: Id(2)] long HoursWorked,
    [property: Id(3)] string EnteredBy,
    [property: Id(4)] DateTimeOffset EnteredAt);
