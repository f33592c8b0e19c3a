using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's own KPI targets: <c>{targets:[{figure, on, near}]}</c>.</summary>
internal sealed record KpiTargetsBody(IReadOnlyList<KpiTarget>? Targets);
