using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;
using PtHub.Grains.Waitlist;

namespace PtHub.Grains.Clinics;

/// <summary>
/// One clinic's day: books visits into it, takes every visit's changes, and keeps the live views that the
/// board, lobby and manager screens watch. Only the visit index, tickets and epoch are persisted; on activation
/// the views are rebuilt from the visits, so a crash loses nothing a visit accepted.
/// </summary>
internal sealed class ClinicDayGrain(
    [PersistentState("clinicday", StorageNames.State)] IPersistentState<ClinicDayState> day,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    IOptions<LiveViewOptions> liveOptions,
    IOptions<BillingOptions> billing) : Grain, IClinicDayGrain
{
    private readonly Dictionary<string, VisitSnapshot> _visits = [];
    private readonly Dictionary<string, PatientRecord?> _patients = [];
    private readonly Watchers _watchers = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private LiveViews _views = null!;
    private ValueList<BoardOpening> _openings = [];
    private ClinicConfig? _config;
    private string _clinicId = "";
    private DateOnly _date;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_clinicId, _date) = GrainKeys.SplitClinicDay(this.GetPrimaryKeyString());

        // Each activation starts a new epoch above every version the last one handed out; the jump tells a client to resync.
        day.State.Epoch++;
        await day.WriteStateAsync(cancellationToken);
        _views = new LiveViews((long)day.State.Epoch << 32);

        _config = await GrainFactory.GetGrain<IClinicGrain>(_clinicId).GetConfig();
        var snapshots = await Task.WhenAll(day.State.VisitIds.Select(id => GrainFactory.GetGrain<IVisitGrain>(id).GetSnapshot()));
        foreach (var snapshot in snapshots.OfType<VisitSnapshot>())
        {
            _visits[snapshot.VisitId] = snapshot;
        }

        await LoadPatientsAsync(_visits.Values.Select(v => v.PatientId));
        await RefreshOpeningsAsync();
        var period = liveOptions.Value.TickPeriod;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = false });
    }

    public async Task<VisitResult> Book(BookVisitRequest request)
    {
        if (_config is null)
        {
            return VisitResult.Refused(Refusal.NotFound($"No clinic '{_clinicId}'."));
        }

        var visitId = request.CommandId?.ToString("N") ?? Guid.NewGuid().ToString("N");
        if (_visits.TryGetValue(visitId, out var existing))
        {
            return VisitResult.Accepted(existing);
        }

        await LoadPatientsAsync([request.PatientId]);
        if (BookingCheck.Request(_config, _date, request, _patients[request.PatientId], _clinicId) is { } refusal)
        {
            return VisitResult.Refused(refusal);
        }

        var type = _config.FindVisitType(request.VisitTypeCode)!;
        var duration = request.DurationMinutes ?? type.DefaultMinutes;
        string? note = null;
        if (!request.WalkIn)
        {
            (var conflict, note) = BookingCheck.Schedule(_config, _date, _visits.Values,
                new ProposedVisit(request.TherapistId, request.ScheduledStart, duration, request.RoomId, request.PatientId), request.OverrideReason);
            if (conflict is not null)
            {
                return VisitResult.Refused(conflict);
            }
        }

        var booking = new VisitBooking(_clinicId, request.PatientId, request.TherapistId, type.Code,
            request.ScheduledStart, duration, _date, request.WalkIn, request.Actor, request.CommandId, request.RoomId, note);
        var visit = GrainFactory.GetGrain<IVisitGrain>(visitId);
        var result = await visit.Book(booking);
        if (result.Visit is null)
        {
            return result;
        }

        if (!day.State.VisitIds.Contains(visitId))
        {
            day.State.VisitIds.Add(visitId);
            await SaveAsync();
        }

        await UpsertAsync(result.Visit);
        if (request.WalkIn && result.Visit.Status == VisitStatus.Booked)
        {
            // A walk-in is here already. The visit reports the arrival back through OnVisitChanged, which interleaves.
            result = await visit.Execute(new VisitCommand(VisitAction.Arrive, request.Actor, CommandIds.Derive(request.CommandId, "arrive")));
        }

        var booked = _visits.Values.Count(v => v.PatientId == request.PatientId && v.VisitId != visitId && !v.IsClosed);
        return _patients[request.PatientId] is { } patient && BillingAlerts.BookingWarning(patient, _date, booked) is { } warning
            ? result with { Warnings = [warning] }
            : result;
    }

    public Task<BoardView> GetBoard() => Task.FromResult(_views.Board(Data()));

    public Task<LobbyView> GetLobby() => Task.FromResult(_views.Lobby);

    public Task<ManagerView> GetManager() => Task.FromResult(_views.Manager);

    public Task<ScheduleView> GetSchedule() => Task.FromResult(_views.Schedule(Data()));

    public async Task<int?> OnVisitChanged(VisitSnapshot visit)
    {
        if (!_patients.ContainsKey(visit.PatientId))
        {
            await LoadPatientsAsync([visit.PatientId]);
        }

        await UpsertAsync(visit);
        return visit.Status is VisitStatus.Arrived or VisitStatus.CheckedIn && _views.Estimates.TryGetValue(visit.VisitId, out var wait)
            ? wait
            : null;
    }

    public Task OnPatientChanged(PatientRecord patient)
    {
        if (_patients.ContainsKey(patient.PatientId))
        {
            _patients[patient.PatientId] = patient;
            Refresh();
        }

        return Task.CompletedTask;
    }

    public Task OnConfigurationChanged(ClinicConfig config)
    {
        _config = config;
        Refresh();
        return Task.CompletedTask;
    }

    public Task Watch(IDashboardObserver observer, TimeSpan lease)
    {
        if (_watchers.Renew(observer, lease) && _config is not null)
        {
            Watchers.SendCurrent(observer, _views.Board(Data()), _views.Lobby, _views.Manager, _views.Schedule(Data()));
        }

        return Task.CompletedTask;
    }

    public Task Unwatch(IDashboardObserver observer)
    {
        _watchers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task DisconnectDisplay(string displayId)
    {
        _watchers.DisconnectDisplay(this.GetPrimaryKeyString(), displayId);
        return Task.CompletedTask;
    }

    public Task Wake() => Task.CompletedTask;

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
        var (conflict, note) = BookingCheck.Schedule(_config, _date, _visits.Values, new ProposedVisit(
            therapist, request.NewStart, current.DurationMinutes, request.RoomId ?? current.PlannedRoomId, current.PatientId, current.VisitId), request.OverrideReason);
        if (conflict is not null)
        {
            return VisitResult.Refused(conflict);
        }

        if (!day.State.VisitIds.Contains(request.VisitId))
        {
            day.State.VisitIds.Add(request.VisitId);
            await SaveAsync();
        }

        var result = await visit.Execute(new VisitCommand(VisitAction.Reschedule, request.Actor, request.CommandId,
            RoomId: request.RoomId, TherapistId: request.TherapistId, Reason: note, ClinicId: _clinicId,
            NewStart: request.NewStart, NewDate: _date));
        if (result.Visit is null && current.Date != _date)
        {
            // Refused by the visit itself: it stays on its own day.
            day.State.VisitIds.Remove(request.VisitId);
            await SaveAsync();
        }

        return result;
    }

    public Task OnWaitlistChanged() => RefreshOpeningsAsync();

    public async Task OnVisitMoved(string visitId)
    {
        if (day.State.VisitIds.Remove(visitId))
        {
            if (_visits.Remove(visitId, out var moved))
            {
                OfferSlot(moved);
            }

            day.State.Tickets.Remove(visitId);
            await SaveAsync();
            await RefreshOpeningsAsync();
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

        await SaveAsync();
        Refresh();
        return null;
    }

    public Task<IReadOnlyList<DateTimeOffset>> FreeStarts(string therapistId, int minutes) =>
        Task.FromResult<IReadOnlyList<DateTimeOffset>>(_config is null
            ? []
            : ScheduleRules.FreeStarts(_config, _date, _visits.Values, therapistId, minutes, TimeSpan.FromMinutes(15), time.GetUtcNow()).ToArray());

    /// <summary>Moves the clock on: alerts and waits are re-read, and visits not arrived by start plus grace become no-shows.</summary>
    private async Task TickAsync()
    {
        if (_openings.Count > 0 || day.State.Openings.Count > 0)
        {
            await RefreshOpeningsAsync();
        }
        else
        {
            Refresh();
        }

        if (_config is not { } config)
        {
            return;
        }

        var due = time.GetUtcNow().AddMinutes(-config.NoShowGraceMinutes);
        foreach (var visit in _visits.Values.Where(v => v.Status == VisitStatus.Booked && v.ScheduledStart < due && !v.WalkIn).ToList())
        {
            await GrainFactory.GetGrain<IVisitGrain>(visit.VisitId).Execute(new VisitCommand(VisitAction.NoShow, SystemActor,
                CommandIds.Derive(Guid.Parse(visit.VisitId), "auto-no-show"), Reason: $"not arrived {config.NoShowGraceMinutes} min after start"));
        }
    }

    public const string SystemActor = "pthub";

    private async Task UpsertAsync(VisitSnapshot visit)
    {
        // Reports can interleave; a visit's own version says which is newer.
        if (_visits.TryGetValue(visit.VisitId, out var known) && known.Version >= visit.Version)
        {
            return;
        }

        _visits[visit.VisitId] = visit;
        if (known is { IsClosed: false } && visit.Status is VisitStatus.Cancelled or VisitStatus.NoShow && OfferSlot(visit))
        {
            await SaveAsync();
        }

        if (visit.ArrivedAt is not null && !day.State.Tickets.ContainsKey(visit.VisitId))
        {
            day.State.Tickets[visit.VisitId] = day.State.Tickets.Count + 1;
            await SaveAsync();
        }

        if (day.State.Openings.Count > 0)
        {
            // A visit may have taken an opening's time: look again at which openings are still free.
            await RefreshOpeningsAsync();
        }
        else
        {
            Refresh();
        }
    }

    /// <summary>Keeps a freed future slot as an opening for the waitlist; false when it is past or a walk-in's.</summary>
    private bool OfferSlot(VisitSnapshot freed)
    {
        if (freed.WalkIn || freed.ScheduledStart <= time.GetUtcNow() || day.State.Openings.Any(o => o.OpeningId == freed.VisitId))
        {
            return false;
        }

        day.State.Openings.Add(new Opening(freed.VisitId, freed.TherapistId, freed.ScheduledStart, freed.DurationMinutes));
        return true;
    }

    /// <summary>The openings still free and ahead, each with the waitlist's matching patients, best first.</summary>
    private async Task RefreshOpeningsAsync()
    {
        var openings = new List<BoardOpening>();
        if (_config is { } config
            && OpeningProposals.StillOpen(day.State.Openings, config, _date, _visits.Values, time.GetUtcNow()) is { Count: > 0 } open)
        {
            var entries = await GrainFactory.GetGrain<IWaitlistGrain>(_clinicId).List();
            var matches = open.ToDictionary(o => o.OpeningId, o => WaitlistMatch.For(o, config, entries).Take(OpeningProposals.CandidatesShown).ToList());
            await LoadPatientsAsync(matches.Values.SelectMany(m => m).Select(m => m.PatientId).Where(id => !_patients.ContainsKey(id)));
            openings.AddRange(open.Select(o => OpeningProposals.Propose(o, config, matches[o.OpeningId], _patients.GetValueOrDefault)));
        }

        _openings = openings.ToValueList();
        Refresh();
    }

    private void Refresh()
    {
        if (_config is not null)
        {
            _watchers.Publish(_views.Refresh(Data(), time.GetUtcNow()));
        }
    }

    private DayData Data() => new(_clinicId, _date, _config ?? EmptyConfig, _visits, _patients, day.State.Tickets, billing.Value,
        day.State.RunningLate, _openings);

    private static readonly ClinicConfig EmptyConfig = new("", "UTC", [], [], [], new AlertThresholds(), LobbyNamingMode.Initials, []);

    /// <summary>Calls interleave here, so state writes take turns.</summary>
    private async Task SaveAsync()
    {
        await _writes.WaitAsync();
        try
        {
            await day.WriteOrDropAsync(this);
        }
        finally
        {
            _writes.Release();
        }
    }

    private async Task LoadPatientsAsync(IEnumerable<string> patientIds)
    {
        var ids = patientIds.Distinct().ToArray();
        var records = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IPatientGrain>(id).Get()));
        for (var i = 0; i < ids.Length; i++)
        {
            _patients[ids[i]] = records[i];
        }
    }
}
