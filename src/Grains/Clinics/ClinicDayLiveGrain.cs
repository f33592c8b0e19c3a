using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// One clinic's day, read side: takes every visit's changes (one-way), keeps the board, lobby and manager views with
/// the openings offered to the waitlist, pushes what changed to the subscribed nodes, and moves the clock on. No
/// grain awaits it, so what it awaits (the day's index, visits, patients, the waitlist) never waits on it: no cycle.
/// Only the epoch, tickets and openings are persisted; the views are rebuilt from the visits on activation.
/// </summary>
internal sealed class ClinicDayLiveGrain(
    [PersistentState("clinicdaylive", StorageNames.State)] IPersistentState<ClinicDayLiveState> live,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    IOptions<LiveViewOptions> liveOptions,
    IOptions<BillingOptions> billing,
    ILogger<ClinicDayLiveGrain> logger) : Grain, IClinicDayLiveGrain
{
    private readonly Dictionary<string, VisitSnapshot> _visits = [];
    private readonly Dictionary<string, int> _departed = [];
    private readonly Dictionary<string, PatientRecord?> _patients = [];
    private readonly Dictionary<string, int> _runningLate = [];
    private readonly LiveSubscribers _subscribers = new(logger);
    private LiveViews _views = null!;
    private DayOpenings _openings = null!;
    private ClinicConfig? _config;
    private string _clinicId = "";
    private DateOnly _date;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_clinicId, _date) = GrainKeys.SplitClinicDay(this.GetPrimaryKeyString());
        _openings = new DayOpenings(() => live.State.Openings);
        var index = await GrainFactory.GetGrain<IClinicDayGrain>(this.GetPrimaryKeyString()).GetIndex();

        // The epoch lives here, beside the versions it prefixes: it is this grain's activations that lose the views,
        // and counting them here keeps a write off the booking grain. The day's older epoch is a floor, so versions
        // still rise past those handed out before the views had a grain of their own.
        live.State.Epoch = Math.Max(live.State.Epoch, index.EpochBefore) + 1;
        await live.WriteStateAsync(cancellationToken);
        _views = new LiveViews((long)live.State.Epoch << 32);

        foreach (var (therapistId, minutes) in index.RunningLate)
        {
            _runningLate[therapistId] = minutes;
        }

        _config = await GrainFactory.GetGrain<IClinicGrain>(_clinicId).GetConfig();
        var snapshots = await Task.WhenAll(index.VisitIds.Select(id => GrainFactory.GetGrain<IVisitGrain>(id).GetSnapshot()));
        foreach (var snapshot in snapshots.OfType<VisitSnapshot>().Where(Belongs))
        {
            _visits[snapshot.VisitId] = snapshot;
        }

        await LoadPatientsAsync(_visits.Values.Select(v => v.PatientId));
        await RefreshOpeningsAsync();
        var period = liveOptions.Value.TickPeriod;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = false });
    }

    public Task Wake() => Task.CompletedTask;

    public Task<BoardView> GetBoard() => Task.FromResult(_views.Board(Data()));

    public Task<LobbyView> GetLobby() => Task.FromResult(_views.Lobby);

    public Task<ManagerView> GetManager() => Task.FromResult(_views.Manager);

    public Task<ScheduleView> GetSchedule() => Task.FromResult(_views.Schedule(Data()));

    public Task<int> GetRunningLate(string therapistId) => Task.FromResult(_runningLate.GetValueOrDefault(therapistId));

    public Task OnVisitChanged(VisitSnapshot visit) => ApplyAsync(visit);

    public Task OnVisitBooked(VisitSnapshot visit) => ApplyAsync(visit);

    public async Task<int?> QuoteWait(VisitSnapshot visit)
    {
        await ApplyAsync(visit);
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

    public Task OnRunningLateChanged(string therapistId, int minutes)
    {
        if (minutes == 0)
        {
            _runningLate.Remove(therapistId);
        }
        else
        {
            _runningLate[therapistId] = minutes;
        }

        Refresh();
        return Task.CompletedTask;
    }

    public Task OnWaitlistChanged() => RefreshOpeningsAsync();

    public Task Watch(IDashboardObserver observer, TimeSpan lease)
    {
        if (_subscribers.Renew(observer, lease) && _config is not null)
        {
            LiveSubscribers.SendCurrent(observer, _views.Board(Data()), _views.Lobby, _views.Manager, _views.Schedule(Data()));
        }

        return Task.CompletedTask;
    }

    public Task Unwatch(IDashboardObserver observer)
    {
        _subscribers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task DisconnectDisplay(string displayId)
    {
        _subscribers.DisconnectDisplay(_clinicId, displayId);
        return Task.CompletedTask;
    }

    /// <summary>Moves the clock on: alerts and waits are re-read, and visits not arrived by start plus grace become no-shows.</summary>
    private async Task TickAsync()
    {
        if (_openings.Any)
        {
            await RefreshOpeningsAsync();
        }
        else
        {
            Refresh();
        }

        if (_config is { } config)
        {
            NoShowSweep.Run(GrainFactory, config, _visits.Values, time.GetUtcNow(), logger);
        }
    }

    private async Task ApplyAsync(VisitSnapshot visit)
    {
        // Reports can overtake each other; a visit's own version says which is newer.
        var known = _visits.GetValueOrDefault(visit.VisitId);
        if (known?.Version >= visit.Version || _departed.GetValueOrDefault(visit.VisitId) >= visit.Version)
        {
            return;
        }

        var changed = false;
        if (!Belongs(visit))
        {
            // Rescheduled to another day: its old slot may go to the waitlist.
            _departed[visit.VisitId] = visit.Version;
            if (_visits.Remove(visit.VisitId) && known is not null)
            {
                changed = _openings.Offer(known, time.GetUtcNow()) | live.State.Tickets.Remove(visit.VisitId);
            }
        }
        else
        {
            _departed.Remove(visit.VisitId);
            _visits[visit.VisitId] = visit;
            if (!_patients.ContainsKey(visit.PatientId))
            {
                await LoadPatientsAsync([visit.PatientId]);
            }

            changed = known is { IsClosed: false } && visit.Status is VisitStatus.Cancelled or VisitStatus.NoShow && _openings.Offer(visit, time.GetUtcNow());
            if (visit.ArrivedAt is not null && !live.State.Tickets.ContainsKey(visit.VisitId))
            {
                live.State.Tickets[visit.VisitId] = live.State.Tickets.Count + 1;
                changed = true;
            }
        }

        if (changed)
        {
            await live.WriteOrDropAsync(this);
        }

        if (_openings.Stored)
        {
            // A visit may have taken an opening's time: look again at which openings are still free.
            await RefreshOpeningsAsync();
        }
        else
        {
            Refresh();
        }
    }

    private bool Belongs(VisitSnapshot visit) => visit.Date == _date && visit.ClinicId == _clinicId;

    private async Task RefreshOpeningsAsync()
    {
        if (_config is not null)
        {
            await _openings.RefreshAsync(GrainFactory, Data(), time.GetUtcNow(), LoadPatientsAsync);
        }

        Refresh();
    }

    private void Refresh()
    {
        if (_config is not null)
        {
            _subscribers.Publish(_views.Refresh(Data(), time.GetUtcNow()));
        }
    }

    private DayData Data() => new(_clinicId, _date, _config ?? EmptyConfig, _visits, _patients, live.State.Tickets, billing.Value,
        _runningLate, _openings.Current);

    private static readonly ClinicConfig EmptyConfig = new("", "UTC", [], [], [], new AlertThresholds(), LobbyNamingMode.Initials, []);

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
