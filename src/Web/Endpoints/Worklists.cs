namespace PtHub.Web.Endpoints;

/// <summary>
/// The manager's worklists of a clinic (docs/figures.md, "Worklists"): the rows still to act on, and the rows marked
/// done whose condition has not changed since (<see cref="Done"/>, with who and when).
/// </summary>
internal sealed record Worklists(
    IReadOnlyList<WorklistRow> DroppedOff,
    IReadOnlyList<WorklistRow> AuthorizationsLow,
    IReadOnlyList<WorklistRow> RecertificationDue,
    IReadOnlyList<WorklistRow> ProgressReportsDue,
    IReadOnlyList<WorklistRow> UnverifiedTomorrow,
    IReadOnlyList<WorklistDoneRow> Done);
