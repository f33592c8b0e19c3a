namespace PtHub.Web.Endpoints;

/// <summary>Which dropped-off plan of care a recall is for (the worklist row's plan).</summary>
public sealed record RecallBody(string? PlanId);
