namespace PtHub.Grains.Contracts;

/// <summary>One calendar year of a clinic's injury and illness log, as the OSHA 300 form keeps it, with its totals.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryLogYear")]
public sealed record InjuryLogYear(
    [property: Id(0)] int Year,
    [property: Id(1)] ValueList<InjuryCase> Cases,
    [property: Id(2)] InjuryLogTotals Totals);
