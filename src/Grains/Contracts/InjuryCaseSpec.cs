namespace PtHub.Grains.Contracts;

/// <summary>
/// What a manager records of a work-related injury or illness (the OSHA 300 row without its case number).
/// <see cref="PrivacyCase"/>: OSHA's privacy concern case, whose name the exported log withholds ("privacy case");
/// <see cref="StaffId"/>: the person on the clinic's roster, when they are on it.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryCaseSpec")]
public sealed record InjuryCaseSpec(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string Person,
    [property: Id(2)] string? JobTitle,
    [property: Id(3)] string? Where,
    [property: Id(4)] string Description,
    [property: Id(5)] InjuryOutcome Outcome,
    [property: Id(6)] int DaysAway,
    [property: Id(7)] int DaysRestricted,
    [property: Id(8)] InjuryCaseType CaseType = InjuryCaseType.Injury,
    [property: Id(9)] bool PrivacyCase = false,
    [property: Id(10)] string? StaffId = null);
