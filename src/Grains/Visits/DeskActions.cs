using PtHub.Grains.Contracts;

namespace PtHub.Grains.Visits;

/// <summary>
/// The steps the front desk may take on a visit now, asked of the state machine itself, so the screens never keep a
/// second copy of which status allows what. Pure.
/// </summary>
public static class DeskActions
{
    private static readonly VisitAction[] Candidates =
    [
        VisitAction.Arrive, VisitAction.CheckIn, VisitAction.StartTreatment, VisitAction.Assign, VisitAction.Finish,
        VisitAction.CheckOut, VisitAction.Cancel, VisitAction.NoShow, VisitAction.LeftWithoutBeingSeen,
    ];

    /// <summary>A room no visit holds, so a probe of assign or start asks only whether the status allows it.</summary>
    private const string ProbeRoom = "\u0000probe";

    /// <summary>The code the schedule uses for moving a visit (it has its own endpoint, not a step of the board).</summary>
    public static string Reschedule { get; } = VisitAction.Reschedule.ToCode();

    /// <summary>Whether the state machine would move the visit to another time (asked with its own time, so only the status counts).</summary>
    public static bool CanReschedule(VisitSnapshot visit) =>
        VisitLifecycle.Decide(StateOf(visit), new VisitCommand(VisitAction.Reschedule, "probe", NewStart: visit.ScheduledStart, NewDate: visit.Date),
            visit.ScheduledStart, TimeSpan.Zero, TimeSpan.Zero).Transition is not null;

    /// <summary>
    /// The action codes (as the API spells them) that the visit would accept at <paramref name="now"/>, and whether a
    /// cancellation now would count as late under the clinic's policy.
    /// </summary>
    public static (ValueList<string> Actions, bool CancelIsLate) For(VisitSnapshot visit, DateTimeOffset now, TimeSpan lateCancelWindow, TimeSpan noShowGrace)
    {
        var state = StateOf(visit);
        var accepted = Candidates
            .Select(action => (Action: action, VisitLifecycle.Decide(state, new VisitCommand(action, "probe",
                RoomId: action is VisitAction.StartTreatment or VisitAction.Assign ? ProbeRoom : null, Reason: "probe"),
                now, lateCancelWindow, noShowGrace).Transition))
            .Where(d => d.Transition is not null)
            .ToList();
        return (accepted.Select(d => d.Action.ToCode()).ToValueList(),
            accepted.Any(d => d.Action == VisitAction.Cancel && d.Transition!.LateCancellation));
    }

    private static VisitState StateOf(VisitSnapshot visit) => new()
    {
        Exists = true, ClinicId = visit.ClinicId, PatientId = visit.PatientId, Date = visit.Date, Status = visit.Status,
        ScheduledStart = visit.ScheduledStart, DurationMinutes = visit.DurationMinutes, TherapistId = visit.TherapistId,
        RoomId = visit.RoomId, WalkIn = visit.WalkIn, Copay = visit.CopayCollected,
    };
}
