namespace PtHub.Grains.Contracts;

/// <summary>
/// The OSHA 300 totals row of a year's cases: how many cases of each outcome, the days away and days of job
/// transfer or restriction summed over all cases, and how many cases of each type (docs/figures.md, "Injury and illness log").
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryLogTotals")]
public sealed record InjuryLogTotals(
    [property: Id(0)] int Cases,
    [property: Id(1)] int Deaths,
    [property: Id(2)] int DaysAwayCases,
    [property: Id(3)] int JobTransferOrRestrictionCases,
    [property: Id(4)] int OtherRecordableCases,
    [property: Id(5)] int DaysAway,
    [property: Id(6)] int DaysRestricted,
    [property: Id(7)] int Injuries = 0,
    [property: Id(8)] int SkinDisorders = 0,
    [property: Id(9)] int RespiratoryConditions = 0,
    [property: Id(10)] int Poisonings = 0,
    [property: Id(11)] int HearingLosses = 0,
    [property: Id(12)] int AllOtherIllnesses = 0)
{
    public static InjuryLogTotals Of(IReadOnlyCollection<InjuryCase> cases) => new(
        cases.Count,
        cases.Count(c => c.Details.Outcome == InjuryOutcome.Death),
        cases.Count(c => c.Details.Outcome == InjuryOutcome.DaysAway),
        cases.Count(c => c.Details.Outcome == InjuryOutcome.JobTransferOrRestriction),
        cases.Count(c => c.Details.Outcome == InjuryOutcome.OtherRecordable),
        cases.Sum(c => c.Details.DaysAway),
        cases.Sum(c => c.Details.DaysRestricted),
        cases.Count(c => c.Details.CaseType == InjuryCaseType.Injury),
        cases.Count(c => c.Details.CaseType == InjuryCaseType.SkinDisorder),
        cases.Count(c => c.Details.CaseType == InjuryCaseType.RespiratoryCondition),
        cases.Count(c => c.Details.CaseType == InjuryCaseType.Poisoning),
        cases.Count(c => c.Details.CaseType == InjuryCaseType.HearingLoss),
        cases.Count(c => c.Details.CaseType == InjuryCaseType.AllOtherIllnesses));
}
