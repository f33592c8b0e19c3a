using PtHub.Grains.Contracts;

namespace PtHub.Grains.Compliance;

[GenerateSerializer, Alias("PtHub.InjuryLogState")]
public sealed class InjuryLogState
{
    [Id(0)] public List<InjuryCase> Cases { get; set; } = [];

    /// <summary>The last case number given out; numbers are not reused, whatever happens to a case.</summary>
    [Id(1)] public int LastCaseNumber { get; set; }

    /// <summary>The manager's average employees and hours worked, one entry per year at most.</summary>
    [Id(2)] public List<InjuryLogEstablishment> Establishment { get; set; } = [];
}
