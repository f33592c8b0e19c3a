using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;
using PtHub.Grains.Scheduling;

namespace PtHub.Grains.Clinics;

/// <summary>
/// One clinic's day, write side: books and reschedules visits into it against the schedule, and keeps the day's
/// visit index and running-late minutes. It awaits only grains that never await it back (config, patients, the
/// visits it books), so it needs neither reentrancy nor a lock. It holds no copy of the visits: each check reads
/// them, so no visit command has to report here, and the live side (<see cref="ClinicDayLiveGrain"/>) projects them.
/// </summary>
internal sealed class ClinicDayGrain(
    [PersistentState("clinicday", StorageNames.State)] IPersistentState<ClinicDayState> day,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicDayGrain
{
    private ClinicConfig? _config;
    private string _clinicId = "";
    private DateOnly _date;

    /// <summary>The roster grain calls no grain back, so asking it here cannot close a cycle.</summary>
    private Task<string?> LicenceConflictAsync(string therapistId) =>
        GrainFactory.GetGrain<IClinicStaffGrain>(_clinicId).LicenceConflict(therapistId, _date);

    private IClinicDayLiveGrain Live => GrainFactory.GetGrain<IClinicDayLiveGrain>(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_clinicId, _date) = GrainKeys.SplitClinicDay(this.GetPrimaryKeyString());
        _config = await GrainFactory.GetGrain<IClinicGrain>(_clinicId).GetConfig();
    }

    public async Task<VisitResult> Book(BookVisitRequest request)
    {
        if (_config is null)
        {
            return VisitResult.Refused(Refusal.NotFound($"No clinic '{_clinicId}'."));
        }

        var visitId = request.CommandId?.ToString("N") ?? Guid.NewGuid().ToString("N");
        if (day.State.VisitIds.Contains(visitId) && await GrainFactory.GetGrain<IVisitGrain>(visitId).GetSnapshot() is { } existing)
        {
            return VisitResult.Accepted(existing);
        }

        var patientTask = GrainFactory.GetGrain<IPatientGrain>(request.PatientId).Get();
        var visits = await VisitsAsync();
        var patient = await patientTask;
        if (BookingCheck.Request(_config, _date, request, patient, _clinicId) is { } refusal)
        {
            return VisitResult.Refused(refusal);
        }

        var type = _config.FindVisitType(request.VisitTypeCode)!;
        var duration = request.DurationMinutes ?? type.DefaultMinutes;
        var (conflict, note) = request.WalkIn
            ? BookingCheck.WalkIn(request.OverrideReason, await LicenceConflictAsync(request.TherapistId))
            : BookingCheck.Schedule(_config, _date, visits,
                new ProposedVisit(request.TherapistId, request.ScheduledStart, duration, request.RoomId, request.PatientId), request.OverrideReason,
                await LicenceConflictAsync(request.TherapistId));
        if (conflict is not null)
        {
            return VisitResult.Refused(conflict);
        }

        // A walk-in is booked arrived, in the visit's one write: nothing calls back here to arrive it.
        var booking = new VisitBooking(_clinicId, request.PatientId, request.TherapistId, type.Code,
            request.ScheduledStart, duration, _date, request.WalkIn, request.Actor, request.CommandId, request.RoomId, note, request.Plan);
        var result = await GrainFactory.GetGrain<IVisitGrain>(visitId).Book(booking);
        if (result.Visit is null)
        {
            return result;
        }

        if (!day.State.VisitIds.Contains(visitId))
        {
            day.State.VisitIds.Add(visitId);
            await day.WriteOrDropAsync(this);
        }

        // Awaited (the visit's own report is one-way), so a read of the day's views after the answer shows the booking.
        await Live.OnVisitBooked(result.Visit);
        var booked = visits.Count(v => v.PatientId == request.PatientId && v.VisitId != visitId && !v.IsClosed);
        return patient is not null && BillingAlerts.BookingWarning(patient, _date, booked) is { } warning
            ? result with { Warnings = [warning] }
            : result;
    }

    public async Task<VisitResult> Reschedule(RescheduleRequest request)
    {
        if (_config is null)
        {
            return VisitResult.Refused(Refusal.NotFound($"No clinic '{_clinicId}'."));
        }

        var visit = GrainFactory.GetGrain<IVisitGrain>(request.VisitId);
        if (await visit.GetSnapshot() is not { } current || current.ClinicId != _clinicId)
        {
            return VisitResult.Refused(Refusal.NotFound($"No visit '{request.VisitId}' in {_config.Name}."));
        }

        var therapist = request.TherapistId ?? current.TherapistId;
        var (conflict, note) = BookingCheck.Schedule(_config, _date, await VisitsAsync(), new ProposedVisit(
            therapist, request.NewStart, current.DurationMinutes, request.RoomId ?? current.PlannedRoomId, current.PatientId, current.VisitId), request.OverrideReason,
            await LicenceConflictAsync(therapist));
        if (conflict is not null)
        {
            return VisitResult.Refused(conflict);
        }

        if (!day.State.VisitIds.Contains(request.VisitId))
        {
            day.State.VisitIds.Add(request.VisitId);
            await day.WriteOrDropAsync(this);
        }

        var result = await visit.Execute(new VisitCommand(VisitAction.Reschedule, request.Actor, request.CommandId,
            RoomId: request.RoomId, TherapistId: request.TherapistId, Reason: note, ClinicId: _clinicId,
            NewStart: request.NewStart, NewDate: _date));
        if (result.Visit is null && current.Date != _date)
        {
            // Refused by the visit itself: it stays on its own day.
            day.State.VisitIds.Remove(request.VisitId);
            await day.WriteOrDropAsync(this);
        }

        return result;
    }

    public async Task<VisitResult> Undo(string visitId, VisitCommand command)
    {
        var visit = GrainFactory.GetGrain<IVisitGrain>(visitId);
        if (_config is null || await visit.GetSnapshot() is not { } current || current.ClinicId != _clinicId || current.Date != _date)
        {
            return VisitResult.Refused(Refusal.NotFound($"No visit '{visitId}' in clinic '{_clinicId}' on {_date:yyyy-MM-dd}."));
        }

        if (current.Status is VisitStatus.Cancelled or VisitStatus.NoShow)
        {
            // Back to booked means taking its time again: refused if the time was given to someone else meanwhile. Only
            // conflicts with other visits count; the hours rules held (or were overridden) when it was booked.
            var proposed = new ProposedVisit(current.TherapistId, current.ScheduledStart, current.DurationMinutes, current.PlannedRoomId,
                current.PatientId, current.VisitId);
            var own = ScheduleRules.Conflicts(_config, _date, [], proposed);
            var taken = ScheduleRules.Conflicts(_config, _date, await VisitsAsync(), proposed).Except(own).ToList();
            if (taken.Count > 0)
            {
                return VisitResult.Refused(new Refusal(RefusalKind.Conflict,
                    $"The visit's time has been given to another booking meanwhile: {string.Join(" ", taken)} Book the patient again instead.",
                    taken.ToValueList()));
            }
        }

        return await visit.Execute(command with { Action = VisitAction.Undo, ClinicId = _clinicId });
    }

    public async Task OnVisitMoved(string visitId)
    {
        if (day.State.VisitIds.Remove(visitId))
        {
            await day.WriteOrDropAsync(this);
        }
    }

    public Task<int> GetRunningLate(string therapistId) => Task.FromResult(day.State.RunningLate.GetValueOrDefault(therapistId));

    public async Task<Refusal?> SetRunningLate(string therapistId, int minutes)
    {
        if (_config?.FindTherapist(therapistId) is null)
        {
            return Refusal.NotFound($"No therapist '{therapistId}'.");
        }

        if (minutes is < 0 or > 240)
        {
            return Refusal.Invalid("Running late is 0 to 240 minutes.");
        }

        if (minutes == 0)
        {
            day.State.RunningLate.Remove(therapistId);
        }
        else
        {
            day.State.RunningLate[therapistId] = minutes;
        }

        await day.WriteOrDropAsync(this);
        await Live.OnRunningLateChanged(therapistId, minutes);
        return null;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> FreeStarts(string therapistId, int minutes) => _config is null
        ? []
        : ScheduleRules.FreeStarts(_config, _date, await VisitsAsync(), therapistId, minutes, TimeSpan.FromMinutes(15), time.GetUtcNow()).ToArray();

    public Task OnConfigurationChanged(ClinicConfig config)
    {
        _config = config;
        return Task.CompletedTask;
    }

    public Task<ClinicDayIndex> GetIndex() => Task.FromResult(new ClinicDayIndex(
        day.State.VisitIds.ToValueList(), day.State.RunningLate.ToImmutableDictionary(), day.State.Epoch));

    /// <summary>The day's visits as they stand now (a visit answers while it is busy), without those moved away meanwhile.</summary>
    private async Task<List<VisitSnapshot>> VisitsAsync()
    {
        var snapshots = await VisitReads.SnapshotsAsync(GrainFactory, day.State.VisitIds);
        return [.. snapshots.OfType<VisitSnapshot>().Where(v => v.Date == _date && v.ClinicId == _clinicId)];
    }
}
