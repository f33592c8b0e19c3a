namespace PtHub.Grains.Contracts;

/// <summary>
/// The OSHA 300 totals row of a year's cases: how many cases of each outcome, and the days away and days of job
/// transfer or restriction summed over all cases (docs/figures.md, "Injury and illness log").
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryLogTotals")]
public sealed record InjuryLogTotals(
    [property: Id(0)] int Cases,
    [property: Id(1)] int Deaths,
    [property: Id(2)] int DaysAwayCases,
    [property: Id(3)] int JobTransferOrRestrictionCases,
    [property: Id(4)] int OtherRecordableCases,
    [property: Id(5)] int DaysAway,
    [property: Id(6)] int DaysRestricted)
{
    public static InjuryLogTotals Of(IReadOnlyCollection<InjuryCase> cases) => new(
        cases.Count,
        cases.Count(c => c.Details.Outcome == InjuryOutcome.Death),
        cases.Count(c => c.Details.Outcome == InjuryOutcome.DaysAway),
        cases.Count(c => c.Details.Outcome == InjuryOutcome.JobTransferOrRestriction),
        cases.Count(c => c.Details.Outcome == InjuryOutcome.OtherRecordable),
        cases.Sum(c => c.Details.DaysAway),
        cases.Sum(c => c.Details.DaysRestricted));
}
