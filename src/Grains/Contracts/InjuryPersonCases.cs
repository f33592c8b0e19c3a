namespace PtHub.Grains.Contracts;

/// <summary>Every case of the log linked to one person on the roster, of every year, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryPersonCases")]
public sealed record InjuryPersonCases(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string Name,
    [property: Id(2)] ValueList<InjuryCase> Cases);
