namespace PtHub.Grains.Contracts;

/// <summary>
/// A year's annual summary in the shape of the OSHA 300A: the year's totals (cases by outcome and by type, days away
/// and restricted), the manager's average employees and hours worked, and the incidence rates they allow (per 100
/// full-time workers: 200,000 hours; null until hours are entered). docs/figures.md, "Injury and illness log".
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryLogSummary")]
public sealed record InjuryLogSummary(
    [property: Id(0)] int Year,
    [property: Id(1)] InjuryLogTotals Totals,
    [property: Id(2)] InjuryLogEstablishment? Establishment,
    [property: Id(3)] decimal? TotalRecordableRate,
    [property: Id(4)] decimal? DaysAwayRestrictedRate)
{
    /// <summary>The hours of 100 full-time workers in a year (40 hours a week, 50 weeks): the base of OSHA's rates.</summary>
    public const long RateBaseHours = 200_000;

    public static InjuryLogSummary Of(int year, IReadOnlyCollection<InjuryCase> cases, InjuryLogEstablishment? establishment)
    {
        var totals = InjuryLogTotals.Of(cases);
        decimal? Rate(int count) => establishment is { HoursWorked: > 0 } e ? Math.Round(count * (decimal)RateBaseHours / e.HoursWorked, 2, MidpointRounding.AwayFromZero) : null;
        return new InjuryLogSummary(year, totals, establishment, Rate(totals.Cases), Rate(totals.DaysAwayCases + totals.JobTransferOrRestrictionCases));
    }
}
