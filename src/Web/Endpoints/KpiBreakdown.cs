using PtHub.Grains.Kpis;

namespace PtHub.Web.Endpoints;

/// <summary>One therapist's or clinic's figures over the whole range.</summary>
internal sealed record KpiBreakdown(string Id, KpiFigures Figures);
