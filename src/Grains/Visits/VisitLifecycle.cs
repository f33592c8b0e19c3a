using PtHub.Grains.Billing;
using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Visits;

/// <summary>
/// The visit state machine: booked → arrived → checked-in → in-treatment → finished → checked-out, with the
/// exits cancelled, noshow, left-without-being-seen and entered-in-error. Pure: it decides, the grain applies.
/// </summary>
public static class VisitLifecycle
{
    public const int RecentCommandsKept = 64;

    public static readonly TimeSpan DefaultLateCancelWindow = TimeSpan.FromHours(24);

    /// <summary>How long after a step it may still be undone: long enough to notice a wrong row, short enough that nothing built on it.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The steps an undo can take back. Check-out is not among them (it has billed the visit), nor booking or a room
    /// move (entered-in-error and a move back are their reverses).
    /// </summary>
    private static readonly HashSet<VisitAction> Undoable =
    [
        VisitAction.Arrive, VisitAction.CheckIn, VisitAction.StartTreatment, VisitAction.Finish, VisitAction.Cancel,
        VisitAction.NoShow, VisitAction.LeftWithoutBeingSeen,
    ];

    public static bool HoldsRoom(VisitStatus status) => status is VisitStatus.CheckedIn or VisitStatus.InTreatment;

    public static bool HoldsTherapist(VisitStatus status) => status is VisitStatus.InTreatment;

    /// <summary>Decides whether <paramref name="command"/> is legal for <paramref name="state"/> and what it changes.</summary>
    /// <param name="noShowGrace">How long after the scheduled start a visit not arrived may be called a no-show (the clinic's grace).</param>
    public static Decision Decide(VisitState state, VisitCommand command, DateTimeOffset now, TimeSpan lateCancelWindow, TimeSpan noShowGrace = default)
    {
        if (!state.Exists || (command.ClinicId is not null && command.ClinicId != state.ClinicId))
        {
            return Refuse(RefusalKind.NotFound, "No such visit.");
        }

        var status = state.Status;
        if (status == VisitStatus.EnteredInError)
        {
            return Refuse(RefusalKind.Conflict, "The visit was marked entered-in-error; it can no longer change.");
        }

        return command.Action switch
        {
            VisitAction.Book => Refuse(RefusalKind.Conflict, "The visit is already booked."),
            VisitAction.Arrive => status == VisitStatus.Booked
                ? Accept(state, command.Action, VisitStatus.Arrived)
                : Refuse(RefusalKind.Conflict, status.IsClosed()
                    ? $"The visit is {Describe(status)}; it cannot be arrived."
                    : $"The patient has already arrived{ArrivedAgo(state, now)}."),
            VisitAction.CheckIn => status switch
            {
                VisitStatus.Arrived => Accept(state, command.Action, VisitStatus.CheckedIn),
                VisitStatus.Booked => Refuse(RefusalKind.Conflict, "The patient has not arrived yet; mark them arrived first."),
                _ => NotFrom(status, "checked in"),
            },
            VisitAction.Assign => Assign(state, command),
            VisitAction.StartTreatment => Start(state, command),
            VisitAction.Finish => status == VisitStatus.InTreatment
                ? Accept(state, command.Action, VisitStatus.Finished)
                : Refuse(RefusalKind.Conflict, status is VisitStatus.Booked or VisitStatus.Arrived or VisitStatus.CheckedIn
                    ? "Treatment has not started; a visit cannot finish before it starts."
                    : $"The visit is {Describe(status)}; it cannot be finished."),
            VisitAction.CheckOut => status == VisitStatus.Finished
                ? Accept(state, command.Action, VisitStatus.CheckedOut)
                : Refuse(RefusalKind.Conflict, status == VisitStatus.InTreatment
                    ? "The patient is still in treatment; finish the treatment first."
                    : $"The visit is {Describe(status)}; only a finished visit can be checked out."),
            VisitAction.Cancel => Cancel(state, command, now, lateCancelWindow),
            VisitAction.NoShow => status != VisitStatus.Booked
                ? NotFrom(status, "marked a no-show")
                : command.Actor == NoShowSweep.SystemActor && AutoNoShowUndone(state)
                    ? Refuse(RefusalKind.Conflict, "The desk undid this visit's automatic no-show; it is not marked again by itself.")
                : now < state.ScheduledStart
                    ? Refuse(RefusalKind.Conflict, $"The visit starts in {Math.Ceiling((state.ScheduledStart - now).TotalMinutes)} min; it cannot be a no-show before then.")
                    : now < state.ScheduledStart + noShowGrace
                        ? Refuse(RefusalKind.Conflict, $"The patient has {Math.Ceiling((state.ScheduledStart + noShowGrace - now).TotalMinutes)} min of the clinic's {noShowGrace.TotalMinutes:0}-min grace left; a no-show can be marked after it.")
                        : Accept(state, command.Action, VisitStatus.NoShow),
            VisitAction.LeftWithoutBeingSeen => status is VisitStatus.Arrived or VisitStatus.CheckedIn
                ? Accept(state, command.Action, VisitStatus.LeftWithoutBeingSeen, detail: command.Reason?.Trim())
                : Refuse(RefusalKind.Conflict, status == VisitStatus.Booked
                    ? "The patient has not arrived; use cancel or no-show."
                    : $"The visit is {Describe(status)}; only a waiting patient can leave without being seen."),
            VisitAction.EnteredInError => Accept(state, command.Action, VisitStatus.EnteredInError, detail: command.Reason?.Trim()),
            VisitAction.RecordServices => RecordServices(state, command),
            VisitAction.CollectCopay => CollectCopay(state, command),
            VisitAction.Reschedule => state.Status != VisitStatus.Booked
                ? Refuse(RefusalKind.Conflict, $"Only a booked visit can be rescheduled; this one is {Describe(state.Status)}.")
                : command.NewStart is not { } newStart || command.NewDate is null
                    ? Refuse(RefusalKind.Invalid, "A reschedule needs the new start.")
                    : Decision.Accept(new VisitTransition(command.Action, VisitStatus.Booked, state.RoomId, command.TherapistId ?? state.TherapistId,
                        Detail: $"from {state.ScheduledStart:yyyy-MM-dd HH:mm} to {newStart.ToUniversalTime():yyyy-MM-dd HH:mm} UTC"
                            + (command.Reason is { } note ? $"; {note}" : ""))),
            VisitAction.Undo => Undo(state, command, now),
            VisitAction.Confirm => status != VisitStatus.Booked
                ? Refuse(RefusalKind.Conflict, $"Only a booked visit can be confirmed; this one is {Describe(status)}.")
                : state.ConfirmedAt is not null
                    ? Refuse(RefusalKind.Conflict, "The visit is already confirmed.")
                    : Accept(state, command.Action, VisitStatus.Booked, detail: command.Reason?.Trim()),
            _ => Refuse(RefusalKind.Invalid, $"Unknown action {command.Action}."),
        };
    }

    /// <summary>
    /// Takes back the visit's last event when it is a step of <see cref="Undoable"/>, taken within <see cref="UndoWindow"/>
    /// by the same user (or automatically, like a no-show of the clock): the visit returns to the status, room and
    /// therapist it had before. Nothing is erased; the undo is an event of its own, and the undone step no longer counts.
    /// </summary>
    private static Decision Undo(VisitState state, VisitCommand command, DateTimeOffset now)
    {
        var last = state.Events[^1];
        if (last.Action == VisitAction.Undo)
        {
            return Refuse(RefusalKind.Conflict, "The last step was already undone; take the step again if it was right after all.");
        }

        if (!Undoable.Contains(last.Action) || last.From is not { } from || state.Events.Count < 2)
        {
            return Refuse(RefusalKind.Conflict, $"The last step ({last.Action.ToCode()}) cannot be undone.");
        }

        if (state.WalkIn && last.Action == VisitAction.Arrive && state.Events.Count == 2)
        {
            return Refuse(RefusalKind.Conflict, "A walk-in's arrival is part of its booking; mark the visit entered-in-error instead.");
        }

        if (now - last.At > UndoWindow)
        {
            return Refuse(RefusalKind.Conflict,
                $"The {last.Action.ToCode()} was {(int)(now - last.At).TotalMinutes} min ago; a step can be undone within {UndoWindow.TotalMinutes:0} min.");
        }

        if (last.Actor != command.Actor && last.Actor != Clinics.NoShowSweep.SystemActor)
        {
            return Refuse(RefusalKind.Conflict, $"Only {last.Actor}, who took this step, can undo it.");
        }

        var before = state.Events[^2];
        return Decision.Accept(new VisitTransition(VisitAction.Undo, from, before.RoomId, before.TherapistId ?? state.TherapistId,
            Detail: $"undid {last.Action.ToCode()}"));
    }

    private static Decision Assign(VisitState state, VisitCommand command)
    {
        if (command.RoomId is null && command.TherapistId is null)
        {
            return Refuse(RefusalKind.Invalid, "Name a roomId, a therapistId or both to assign.");
        }

        var status = state.Status;
        if (status.IsClosed() || status == VisitStatus.Finished)
        {
            return Refuse(RefusalKind.Conflict, $"The visit is {Describe(status)}; nothing can be assigned to it.");
        }

        if (command.RoomId is not null && !HoldsRoom(status))
        {
            return Refuse(RefusalKind.Conflict, "Check the patient in before rooming them.");
        }

        var room = command.RoomId ?? state.RoomId;
        var therapist = command.TherapistId ?? state.TherapistId;
        if (room == state.RoomId && therapist == state.TherapistId)
        {
            return Refuse(RefusalKind.Conflict, "The visit already has that room and therapist.");
        }

        return Decision.Accept(new VisitTransition(command.Action, status, room, therapist));
    }

    private static Decision RecordServices(VisitState state, VisitCommand command)
    {
        if (state.Status != VisitStatus.Finished)
        {
            return Refuse(RefusalKind.Conflict, state.Status == VisitStatus.CheckedOut
                ? "The visit is checked out and billed; its minutes can no longer change."
                : "Minutes per code are recorded once treatment is finished.");
        }

        if (command.Services is not { Count: > 0 } services)
        {
            return Refuse(RefusalKind.Invalid, "Record at least one procedure code with its minutes.");
        }

        if (services.FirstOrDefault(s => s.IsTimed is null) is { } unknown)
        {
            return Refuse(RefusalKind.Invalid, $"Unknown procedure code '{unknown.Code}'.");
        }

        if (services.FirstOrDefault(s => s.Minutes is < 0 or > 600) is { } bad)
        {
            return Refuse(RefusalKind.Invalid, $"Minutes of {bad.Code} must be between 0 and 600 (was {bad.Minutes}).");
        }

        var detail = string.Join(", ", services.Select(s => $"{ProcedureCatalog.Find(s.Code)?.Code ?? s.Code} {s.Minutes} min"));
        return Decision.Accept(new VisitTransition(command.Action, state.Status, state.RoomId, state.TherapistId, Detail: detail));
    }

    private static Decision CollectCopay(VisitState state, VisitCommand command)
    {
        if (command.Copay is not { } copay || copay.Amount < 0)
        {
            return Refuse(RefusalKind.Invalid, "Give the copay amount (0 or more) and how it was paid.");
        }

        if (state.Copay is not null)
        {
            return Refuse(RefusalKind.Conflict, $"A copay of {state.Copay.Amount:0.00} was already collected.");
        }

        return state.Status.IsOnSite() || state.Status == VisitStatus.CheckedOut
            ? Decision.Accept(new VisitTransition(command.Action, state.Status, state.RoomId, state.TherapistId,
                Detail: $"{copay.Amount:0.00} {copay.Method.ToCode()}"))
            : Refuse(RefusalKind.Conflict, "A copay is collected from a patient who is here.");
    }

    private static Decision Start(VisitState state, VisitCommand command)
    {
        if (state.Status != VisitStatus.CheckedIn)
        {
            return Refuse(RefusalKind.Conflict, state.Status is VisitStatus.Booked or VisitStatus.Arrived
                ? "Check the patient in before starting treatment."
                : $"The visit is {Describe(state.Status)}; treatment cannot start.");
        }

        var room = command.RoomId ?? state.RoomId;
        if (room is null)
        {
            return Refuse(RefusalKind.Invalid, "Choose a treatment space (roomId) to start treatment in.");
        }

        return Decision.Accept(new VisitTransition(command.Action, VisitStatus.InTreatment, room, command.TherapistId ?? state.TherapistId));
    }

    private static Decision Cancel(VisitState state, VisitCommand command, DateTimeOffset now, TimeSpan lateCancelWindow)
    {
        if (state.Status != VisitStatus.Booked)
        {
            return Refuse(RefusalKind.Conflict, state.Status is VisitStatus.Arrived or VisitStatus.CheckedIn
                ? "The patient is already here; use left-without-being-seen instead of cancel."
                : $"The visit is {Describe(state.Status)}; it cannot be cancelled.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refuse(RefusalKind.Invalid, "A cancellation needs a reason.");
        }

        var late = state.ScheduledStart - now < lateCancelWindow;
        return Decision.Accept(new VisitTransition(command.Action, VisitStatus.Cancelled, state.RoomId, state.TherapistId, late, command.Reason.Trim()));
    }

    /// <summary>Applies an accepted transition: moves the state and records the event.</summary>
    public static VisitEvent Apply(VisitState state, VisitTransition transition, string actor, Guid? commandId, DateTimeOffset now)
    {
        var from = state.Status;
        state.Status = transition.To;
        state.RoomId = transition.RoomId;
        state.TherapistId = transition.TherapistId;
        if (transition.Action == VisitAction.Cancel)
        {
            state.LateCancellation = transition.LateCancellation;
            state.CancelReason = transition.Detail;
        }
        else if (transition.Action == VisitAction.Undo)
        {
            if (from == VisitStatus.Cancelled)
            {
                state.LateCancellation = false;
                state.CancelReason = null;
            }

            if (transition.To == VisitStatus.Booked)
            {
                // An arrival taken back: the next arrival is quoted afresh.
                state.QuotedWaitMinutes = null;
            }
        }

        var evt = new VisitEvent(state.Events.Count + 1, now, actor, transition.Action, from, transition.To,
            transition.RoomId, transition.TherapistId, transition.Detail);
        state.Events.Add(evt);
        Remember(state, commandId);
        return evt;
    }

    /// <summary>Keeps what a billing command carries: the minutes per code, or the copay taken.</summary>
    public static void ApplyPayload(VisitState state, VisitCommand command, DateTimeOffset now)
    {
        switch (command.Action)
        {
            case VisitAction.RecordServices:
                state.Services = [.. command.Services!.Select(s => s with { Code = ProcedureCatalog.Find(s.Code)?.Code ?? s.Code })];
                break;
            case VisitAction.CollectCopay:
                state.Copay = command.Copay! with { CollectedBy = command.Actor, CollectedAt = now };
                break;
            case VisitAction.Confirm:
                state.ConfirmedAt = now;
                break;
            case VisitAction.Reschedule:
                // A confirmation was of the old time; whoever moved it confirms the new one again if they want to.
                state.ConfirmedAt = null;
                state.ScheduledStart = command.NewStart!.Value.ToUniversalTime();
                state.Date = command.NewDate!.Value;
                state.PlannedRoomId = command.RoomId ?? state.PlannedRoomId;
                break;
        }
    }

    /// <summary>
    /// Starts a new visit's life with its booking event; a walk-in is here already, so its arrival is recorded with
    /// it (a second event, under the command id a separate arrival would have had). Returns the booking event.
    /// </summary>
    public static VisitEvent Book(VisitState state, VisitBooking booking, DateTimeOffset now)
    {
        state.Exists = true;
        state.ClinicId = booking.ClinicId;
        state.PatientId = booking.PatientId;
        state.Date = booking.Date;
        state.VisitTypeCode = booking.VisitTypeCode;
        state.ScheduledStart = booking.ScheduledStart.ToUniversalTime();
        state.DurationMinutes = booking.DurationMinutes;
        state.TherapistId = booking.TherapistId;
        state.WalkIn = booking.WalkIn;
        state.PlannedRoomId = booking.PlannedRoomId;
        state.Plan = booking.Plan;
        state.Status = VisitStatus.Booked;
        var detail = string.Join("; ", new[] { booking.WalkIn ? "walk-in" : null, booking.Note }.OfType<string>());
        var evt = new VisitEvent(1, now, booking.Actor, VisitAction.Book, null, VisitStatus.Booked, null, booking.TherapistId,
            detail.Length == 0 ? null : detail);
        state.Events.Add(evt);
        Remember(state, booking.CommandId);
        if (booking.WalkIn)
        {
            Apply(state, new VisitTransition(VisitAction.Arrive, VisitStatus.Arrived, null, booking.TherapistId), booking.Actor,
                CommandIds.Derive(booking.CommandId, "arrive"), now);
        }

        return evt;
    }

    /// <summary>
    /// The clinic already marked this visit a no-show by itself, and the desk took it back (a patient who came late,
    /// say): the decision is the desk's from then on. Read from the events, which outlive the recent command ids.
    /// </summary>
    private static bool AutoNoShowUndone(VisitState state) =>
        state.Events.Any(e => e.Action == VisitAction.NoShow && e.Actor == NoShowSweep.SystemActor);

    public static bool AlreadyApplied(VisitState state, Guid? commandId) =>
        commandId is { } id && state.RecentCommandIds.Contains(id);

    public static VisitSnapshot Snapshot(string visitId, VisitState state)
    {
        var events = Standing(state.Events);
        DateTimeOffset? firstTo(VisitStatus s) => events.FirstOrDefault(e => e.To == s && e.From != s)?.At;
        var statusSince = events.LastOrDefault(e => e.From != e.To)?.At ?? events.LastOrDefault()?.At ?? default;
        return new VisitSnapshot(visitId, state.ClinicId, state.PatientId, state.Date, state.VisitTypeCode, state.ScheduledStart,
            state.DurationMinutes, state.Status, statusSince, state.TherapistId, state.RoomId,
            firstTo(VisitStatus.Arrived), firstTo(VisitStatus.InTreatment), firstTo(VisitStatus.Finished),
            firstTo(VisitStatus.CheckedOut), state.WalkIn, state.LateCancellation, state.CancelReason, state.Events.Count + state.PatientMoves,
            RoomedAt(state, events), RoomStays(events), state.Copay, state.Services.Count > 0, state.PlannedRoomId, state.ConfirmedAt);
    }

    /// <summary>
    /// The events that still count: an undo takes back the event before it (always the last standing one, since an
    /// undo cannot follow an undo), so neither appears in the times, stays and waits derived from a visit.
    /// </summary>
    public static List<VisitEvent> Standing(IEnumerable<VisitEvent> events)
    {
        var standing = new List<VisitEvent>();
        foreach (var e in events)
        {
            if (e.Action == VisitAction.Undo)
            {
                standing.RemoveAt(standing.Count - 1);
            }
            else
            {
                standing.Add(e);
            }
        }

        return standing;
    }

    /// <summary>Each spell the patient spent in a treatment space, from the standing events.</summary>
    private static ValueList<RoomStay> RoomStays(List<VisitEvent> events)
    {
        var stays = new List<RoomStay>();
        RoomStay? open = null;
        foreach (var e in events)
        {
            var room = HoldsRoom(e.To) ? e.RoomId : null;
            if (open is not null && open.RoomId != room)
            {
                stays.Add(open with { Until = e.At });
                open = null;
            }

            if (room is not null && open is null)
            {
                open = new RoomStay(room, e.At, null);
            }
        }

        if (open is not null)
        {
            stays.Add(open);
        }

        return stays;
    }

    /// <summary>When the patient entered the room they are in now, if they are in one.</summary>
    private static DateTimeOffset? RoomedAt(VisitState state, List<VisitEvent> events)
    {
        if (state.RoomId is null || !HoldsRoom(state.Status))
        {
            return null;
        }

        DateTimeOffset? at = null;
        string? room = null;
        foreach (var e in events)
        {
            if (e.RoomId != room)
            {
                room = e.RoomId;
                at = e.At;
            }
        }

        return at;
    }

    private static void Remember(VisitState state, Guid? commandId)
    {
        if (commandId is not { } id)
        {
            return;
        }

        state.RecentCommandIds.Add(id);
        if (state.RecentCommandIds.Count > RecentCommandsKept)
        {
            state.RecentCommandIds.RemoveAt(0);
        }
    }

    private static Decision Accept(VisitState state, VisitAction action, VisitStatus to, string? detail = null) =>
        Decision.Accept(new VisitTransition(action, to, state.RoomId, state.TherapistId, Detail: detail));

    private static Decision Refuse(RefusalKind kind, string message) => Decision.Refuse(new Refusal(kind, message));

    private static Decision NotFrom(VisitStatus status, string what) =>
        Refuse(RefusalKind.Conflict, $"The visit is {Describe(status)}; it cannot be {what}.");

    private static string ArrivedAgo(VisitState state, DateTimeOffset now) =>
        Standing(state.Events).FirstOrDefault(e => e.To == VisitStatus.Arrived) is { } e ? $", {(int)Math.Max(0, (now - e.At).TotalMinutes)} min ago" : "";

    private static string Describe(VisitStatus status) => status switch
    {
        VisitStatus.CheckedIn => "checked in",
        VisitStatus.InTreatment => "in treatment",
        VisitStatus.CheckedOut => "checked out",
        VisitStatus.NoShow => "a no-show",
        VisitStatus.LeftWithoutBeingSeen => "closed (left without being seen)",
        VisitStatus.EnteredInError => "entered in error",
        _ => status.ToString().ToLowerInvariant(),
    };
}
