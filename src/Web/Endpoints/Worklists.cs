namespace PtHub.Web.Endpoints;

/// <summary>The manager's worklists of a clinic's patients with a plan of care (docs/figures.md, "Worklists").</summary>
internal sealed record Worklists(
    IReadOnlyList<WorklistRow> DroppedOff,
    IReadOnlyList<WorklistRow> AuthorizationsLow,
    IReadOnlyList<WorklistRow> RecertificationDue);
