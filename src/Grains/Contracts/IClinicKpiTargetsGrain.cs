namespace PtHub.Grains.Contracts;

/// <summary>A clinic's own KPI targets (key: clinic id); figures it does not set keep the defaults of <c>KpiTargets</c>.</summary>
[Alias("PtHub.IClinicKpiTargetsGrain")]
public interface IClinicKpiTargetsGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave]
    Task<IReadOnlyList<KpiTarget>> Get();

    /// <summary>Replaces the clinic's targets (already checked by the caller against <c>KpiTargets.Check</c>).</summary>
    [Alias("Set")]
    Task Set(IReadOnlyList<KpiTarget> targets);
}
