using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtHub.Grains.Billing;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Visits;

/// <summary>
/// The truth of one visit. A command is decided by <see cref="VisitLifecycle"/>, takes its room and therapist
/// places, is persisted, is appended to the event table (outbox: re-sent on activation if unsure), and is
/// then reported one-way to the clinic-day's live grain that projects the board. It never awaits that grain.
/// </summary>
internal sealed partial class VisitGrain(
    [PersistentState("visit", StorageNames.State)] IPersistentState<VisitState> visit,
    IVisitEventLog eventLog,
    IPatientIndex patientIndex,
    IOutboxStore outbox,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    ILogger<VisitGrain> logger) : Grain, IVisitGrain
{
    private VisitState State => visit.State;

    private string VisitId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Exists && State.EventsLoggedThrough < State.Events.Count)
        {
            // The marker is advanced after the state write, so it usually lags on disk: ask the table (a read) before
            // re-sending anything, and write only what is really missing.
            try
            {
                State.EventsLoggedThrough = Math.Max(State.EventsLoggedThrough, await eventLog.LastSequenceAsync(VisitId, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEventAppendFailed(logger, ex, VisitId, State.Events.Count - State.EventsLoggedThrough);
            }
        }

        await FlushEventsAsync(cancellationToken);
        if (State.Exists && !State.PatientLinked)
        {
            // Visits stored before the link table, or whose link write failed: linked now; stored with the next write.
            State.PatientLinked = await TryLinkPatientAsync();
        }

        if (State.Exists && State.RemindersPlannedFor is not null)
        {
            // The plan is stored with the visit's next write, so after a crash it may lag: planning again is idempotent.
            await PlanRemindersAsync("repair on activation");
        }
    }

    public async Task<VisitResult> Book(VisitBooking booking)
    {
        if (State.Exists)
        {
            // A replay only within the same clinic: a command id reused from another clinic reveals and attaches nothing.
            return VisitLifecycle.AlreadyApplied(State, booking.CommandId) && State.ClinicId == booking.ClinicId
                ? VisitResult.Accepted(Snapshot())
                : VisitResult.Refused(Refusal.Conflict("A visit with this id already exists."));
        }

        // Read before the state changes, so a failed read leaves no half-booked visit: the plan of care the visit belongs
        // to (the one the booking names, else the patient's plan covering the date), and for a walk-in, who arrives as it
        // is booked, the copay due.
        var patientGrain = GrainFactory.GetGrain<IPatientGrain>(booking.PatientId);
        booking = booking with { Plan = booking.Plan ?? await patientGrain.FindPlan(null, booking.Date) };
        var copayDue = booking.WalkIn ? await CopayDueAsync(booking.PatientId) : null;
        VisitLifecycle.Book(State, booking, time.GetUtcNow());
        State.CopayDue = copayDue;

        // Linked before the state write: a link to a visit that was then not stored is harmless (a merge skips it).
        State.PatientLinked = await TryLinkPatientAsync();
        await visit.WriteOrDropAsync(this);
        await FlushEventsAsync(CancellationToken.None);
        await GrainFactory.GetGrain<IPatientGrain>(booking.PatientId).OnVisitBooked(VisitId);
        var snapshot = Snapshot();
        await Live(State.Date).OnVisitChanged(snapshot);
        await PlanRemindersAsync(booking.Actor);
        return VisitResult.Accepted(snapshot);
    }

    public async Task<VisitResult> Execute(VisitCommand command)
    {
        if (State.Exists && VisitLifecycle.AlreadyApplied(State, command.CommandId) && (command.ClinicId is null || command.ClinicId == State.ClinicId))
        {
            return VisitResult.Accepted(Snapshot());
        }

        if (command is { Action: VisitAction.RecordServices, Services: { } services } && State.Exists && services.Any(s => ProcedureCatalog.Find(s.Code) is null))
        {
            command = command with { Services = await ClinicCodesAsync(services) };
        }

        var now = time.GetUtcNow();
        var config = command.Action is VisitAction.Cancel or VisitAction.NoShow && State.Exists
            ? await GrainFactory.GetGrain<IClinicGrain>(State.ClinicId).GetConfig()
            : null;
        var lateCancelWindow = config is null ? VisitLifecycle.DefaultLateCancelWindow : TimeSpan.FromHours(config.LateCancelHours);
        var noShowGrace = TimeSpan.FromMinutes(config?.NoShowGraceMinutes ?? 0);
        var decision = VisitLifecycle.Decide(State, command, now, lateCancelWindow, noShowGrace);
        if (decision.Refusal is { } refusal)
        {
            return VisitResult.Refused(refusal);
        }

        var transition = decision.Transition!;
        // The copay due is the coverage's at arrival, kept on the visit so a later change of coverage leaves it be; read
        // before any place is taken or audit written, so a failed read changes nothing.
        var copayDue = transition.To.IsOnSite() && State.CopayDue is null ? await CopayDueAsync(State.PatientId) : State.CopayDue;
        var places = new PlaceChanges(State, transition);
        if (transition.TherapistId != State.TherapistId
            && await Therapist(transition.TherapistId).GetProfile() is null)
        {
            return VisitResult.Refused(Refusal.NotFound($"No therapist '{transition.TherapistId}' in this clinic."));
        }

        if (await TakePlacesAsync(places) is { } placeRefusal)
        {
            return VisitResult.Refused(placeRefusal);
        }

        var audit = command.Audit is { } requested ? requested with { PatientId = State.PatientId } : null;
        if (audit is not null)
        {
            try
            {
                // Audit before effect: once this entry is durable the change may follow; if it is not, nothing changes.
                await GrainFactory.ChainOf(audit).Append(audit);
            }
            catch
            {
                await ReleaseAsync(places.RoomTaken, places.TherapistTaken);
                throw;
            }
        }

        if (transition.To == VisitStatus.CheckedOut && State.Billing is null)
        {
            // Billed before the check-out is stored: the patient grain bills each visit once, so a retry gets the same charges.
            State.Billing = await GrainFactory.GetGrain<IPatientGrain>(State.PatientId)
                .BillVisit(VisitId, State.Date, State.Services.ToValueList());
        }

        var dayBefore = State.Date;
        State.CopayDue = copayDue;
        VisitLifecycle.Apply(State, transition, command.Actor, command.CommandId, now);
        VisitLifecycle.ApplyPayload(State, command, now);
        try
        {
            await visit.WriteOrDropAsync(this);
        }
        catch
        {
            // Not stored: give back the places taken; the activation is dropped, so the next call reads the stored visit.
            await ReleaseAsync(places.RoomTaken, places.TherapistTaken);
            await AuditNotAppliedAsync(audit);
            throw;
        }

        await ReleaseAsync(places.RoomFreed, places.TherapistFreed);
        await FlushEventsAsync(CancellationToken.None);
        var snapshot = Snapshot();
        if (State.Date != dayBefore)
        {
            // Moved to another day: the old day lets go of it (one-way; the new day is the caller of this reschedule).
            await GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(State.ClinicId, dayBefore)).OnVisitMoved(VisitId);
            await Live(dayBefore).OnVisitChanged(snapshot);
        }

        await ReportDerivedAsync(snapshot);
        await PlanRemindersAsync(command.Actor);
        return VisitResult.Accepted(snapshot) with { Audited = audit is not null };
    }

    /// <summary>The copay the patient's coverage asks at each visit (0 when none); null when the patient has no coverage.</summary>
    private async Task<decimal?> CopayDueAsync(string patientId) =>
        (await GrainFactory.GetGrain<IPatientGrain>(patientId).Get())?.Coverage?.Copay;

    public async Task RecordQuotedWait(int minutes)
    {
        if (State.Exists && State.Status == VisitStatus.Arrived && State.QuotedWaitMinutes is null)
        {
            // Kept so the estimate's accuracy can be measured against the wait that really happened.
            State.QuotedWaitMinutes = minutes;
            await visit.WriteOrDropAsync(this);
        }
    }

    public async Task MovePatient(string fromPatientId, string toPatientId)
    {
        if (!State.Exists || State.PatientId != fromPatientId)
        {
            return;
        }

        // The move is stored before the link, which then can only lag (and is retried on activation): the visit is
        // never found under the duplicate again once it belongs to the kept patient.
        State.PatientId = toPatientId;
        State.PatientMoves++;
        State.PatientLinked = false;
        await visit.WriteOrDropAsync(this);
        if (await TryLinkPatientAsync())
        {
            State.PatientLinked = true;
            await visit.WriteOrDropAsync(this);
        }

        try
        {
            // Only the day is told; the patient grains' counts are merged by the kept patient, which is waiting on this call.
            await Live(State.Date).OnVisitChanged(Snapshot());
        }
        catch (Exception ex)
        {
            LogReportFailed(logger, ex, VisitId);
        }
    }

    public Task<VisitSnapshot?> GetSnapshot() => Task.FromResult(State.Exists ? Snapshot() : null);

    public Task<VisitHistory?> GetHistory() => Task.FromResult(State.Exists
        ? new VisitHistory(Snapshot(), State.Events.ToArray(), State.QuotedWaitMinutes, State.Services.ToValueList(), State.Billing)
        : null);

    private VisitSnapshot Snapshot() => VisitLifecycle.Snapshot(VisitId, State);

    private async Task<Refusal?> TakePlacesAsync(PlaceChanges places)
    {
        if (places.RoomTaken is { } room && await Room(room).Occupy(VisitId) is { } roomRefusal)
        {
            return roomRefusal;
        }

        if (places.TherapistTaken is { } therapist && await Therapist(therapist).Take(VisitId) is { } therapistRefusal)
        {
            await ReleaseAsync(places.RoomTaken, null);
            return therapistRefusal;
        }

        return null;
    }

    private async Task ReleaseAsync(string? roomId, string? therapistId)
    {
        if (roomId is not null)
        {
            await Room(roomId).Release(VisitId);
        }

        if (therapistId is not null)
        {
            await Therapist(therapistId).Release(VisitId);
        }
    }

    /// <summary>
    /// The change audited before it was applied could not be stored: the entry that follows says so. If even this one
    /// cannot be written, the log says more than happened (a change audited and not made), never less.
    /// </summary>
    private async Task AuditNotAppliedAsync(AuditRecord? audit)
    {
        if (audit is null)
        {
            return;
        }

        try
        {
            var failed = audit with { Outcome = AuditOutcomes.Failed };
            await GrainFactory.ChainOf(failed).Append(failed);
        }
        catch (Exception ex)
        {
            LogFailedOutcomeNotAudited(logger, ex, VisitId);
        }
    }

    private async Task ReportDerivedAsync(VisitSnapshot snapshot)
    {
        try
        {
            if (snapshot.Status is VisitStatus.Cancelled or VisitStatus.NoShow
                || State.Events[^1] is { Action: VisitAction.Undo, From: VisitStatus.Cancelled or VisitStatus.NoShow })
            {
                // A cancel or no-show taken back is no longer counted against the patient either.
                await GrainFactory.GetGrain<IPatientGrain>(State.PatientId).RecordMissedVisit(VisitId, snapshot.Status);
            }

            await Live(State.Date).OnVisitChanged(snapshot);
        }
        catch (Exception ex)
        {
            // The command is durable; the board and the patient's counts are derived, the board rebuilds from the visits.
            LogReportFailed(logger, ex, VisitId);
        }
    }

    private async Task FlushEventsAsync(CancellationToken cancellationToken)
    {
        if (!State.Exists || State.EventsLoggedThrough >= State.Events.Count)
        {
            return;
        }

        var pending = State.Events.Skip(State.EventsLoggedThrough).Select(ToRecord).ToArray();
        try
        {
            await eventLog.AppendAsync(pending, VisitKpiFacts.From(VisitId, State), cancellationToken);
            State.EventsLoggedThrough = State.Events.Count;
        }
        catch (Exception ex)
        {
            // The visit state holds every event; the next command or activation sends the unsent ones again.
            LogEventAppendFailed(logger, ex, VisitId, pending.Length);
        }
    }

    /// <summary>
    /// Plans the visit's reminders in the outbox when what they depend on changed (booked, moved, cancelled). After the
    /// visit's own write: a failure is logged and planned again at the next command or activation, never refused.
    /// </summary>
    public async Task ReplanReminders(string causedBy)
    {
        if (State.Exists && State.Status == VisitStatus.Booked)
        {
            // The outbox keeps a message already stored under its key as it is, so this only adds the missing ones.
            await VisitReminders.PlanAsync(GrainFactory, outbox, Snapshot(), time.GetUtcNow(), causedBy);
        }
    }

    private async Task PlanRemindersAsync(string causedBy)
    {
        var snapshot = Snapshot();
        var signature = ReminderPlanner.Signature(snapshot);
        if (signature == State.RemindersPlannedFor)
        {
            return;
        }

        try
        {
            await VisitReminders.PlanAsync(GrainFactory, outbox, snapshot, time.GetUtcNow(), causedBy);
            State.RemindersPlannedFor = signature;
        }
        catch (Exception ex)
        {
            LogRemindersFailed(logger, ex, VisitId);
        }
    }

    private async Task<bool> TryLinkPatientAsync()
    {
        try
        {
            await patientIndex.LinkVisitAsync(State.ClinicId, VisitId, State.PatientId, State.Date);
            return true;
        }
        catch (Exception ex)
        {
            LogLinkFailed(logger, ex, VisitId);
            return false;
        }
    }

    private VisitEventRecord ToRecord(VisitEvent e) => new(State.ClinicId, VisitId, e.Sequence, e.At, e.Actor,
        e.Action.ToCode(), e.From?.ToCode(), e.To.ToCode(), e.RoomId, e.TherapistId, e.Detail);

    private IClinicDayLiveGrain Live(DateOnly date) => GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(State.ClinicId, date));

    private IRoomGrain Room(string roomId) => GrainFactory.GetGrain<IRoomGrain>(GrainKeys.Room(State.ClinicId, roomId));

    private ITherapistGrain Therapist(string therapistId) =>
        GrainFactory.GetGrain<ITherapistGrain>(GrainKeys.Therapist(State.ClinicId, therapistId));

    [LoggerMessage(Level = LogLevel.Error, Message = "Visit {VisitId}: a change audited before it was applied was not stored, and the entry saying so could not be written")]
    private static partial void LogFailedOutcomeNotAudited(ILogger logger, Exception ex, string visitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId} could not report to its clinic day or patient")]
    private static partial void LogReportFailed(ILogger logger, Exception ex, string visitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId}: reminders not planned in the outbox; will retry")]
    private static partial void LogRemindersFailed(ILogger logger, Exception ex, string visitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId}: not linked to its patient in the patient index; will retry")]
    private static partial void LogLinkFailed(ILogger logger, Exception ex, string visitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId}: {Count} events not yet in the event table; will retry")]
    private static partial void LogEventAppendFailed(ILogger logger, Exception ex, string visitId, int count);

    /// <summary>
    /// Stamps each of the clinic's own codes with its kind (timed or not) and its own spelling; built-in codes and
    /// unknown ones go on as they are (the lifecycle refuses an unknown code). The codes grain calls no grain back.
    /// </summary>
    private async Task<ValueList<ServiceMinutes>> ClinicCodesAsync(IReadOnlyList<ServiceMinutes> services)
    {
        var clinicCodes = await GrainFactory.GetGrain<IClinicBillingCodesGrain>(State.ClinicId).List();
        return services.Select(s => ProcedureCatalog.Find(s.Code) is null
                && clinicCodes.FirstOrDefault(c => string.Equals(c.Code, s.Code, StringComparison.OrdinalIgnoreCase)) is { } code
            ? s with { Code = code.Code, Timed = code.Timed }
            : s).ToValueList();
    }
}
