using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

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
    private DayVisits _visits = null!;
    private readonly Dictionary<string, int> _runningLate = [];
    private readonly HashSet<string> _noShowsSent = [];
    private readonly LiveSubscribers _subscribers = new(logger);
    private LiveViews _views = null!;
    private DayOpenings _openings = null!;
    private ClinicConfig? _config;
    private string _clinicId = "";
    private DateOnly _date;

    /// <summary>Who starts an automatic offer, on the board and in the offer's record.</summary>
    public const string AutomaticOffers = "pthub (automatic offers)";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_clinicId, _date) = GrainKeys.SplitClinicDay(this.GetPrimaryKeyString());
        _visits = new DayVisits(_clinicId, _date, GrainFactory);
        _openings = new DayOpenings(() => live.State.Openings, () => live.State.Offers);
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
        var snapshots = await VisitReads.SnapshotsAsync(GrainFactory, index.VisitIds);
        _visits.Load(snapshots.OfType<VisitSnapshot>());
        await _visits.LoadPatientsAsync(_visits.Current.Values.Select(v => v.PatientId));
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
        if (_visits.UpdatePatient(patient))
        {
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
        _runningLate.Remove(therapistId);
        if (minutes != 0)
        {
            _runningLate[therapistId] = minutes;
        }

        Refresh();
        return Task.CompletedTask;
    }

    public Task OnWaitlistChanged() => RefreshOpeningsAsync();

    public async Task OnOfferChanged(OfferSummary offer)
    {
        if (live.State.Offers.GetValueOrDefault(offer.OpeningId) == offer)
        {
            return;
        }

        live.State.Offers[offer.OpeningId] = offer;
        await live.WriteOrDropAsync(this);
        await RefreshOpeningsAsync();
    }

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
        await RefreshAsync(withOpenings: _openings.Any);

        if (_config is { } config)
        {
            NoShowSweep.Run(GrainFactory, config, _visits.Current.Values, time.GetUtcNow(), _noShowsSent, logger);
        }
    }

    private async Task ApplyAsync(VisitSnapshot visit)
    {
        if (_visits.IsStale(visit))
        {
            return;
        }

        var changed = _visits.Apply(visit, _openings, live.State.Tickets, time.GetUtcNow());
        await _visits.LoadMissingPatientAsync(visit);
        if (changed)
        {
            await live.WriteOrDropAsync(this);
        }

        // A freed slot goes to its offer grain, one-way (it tells this grain back, one-way too): where the clinic offers
        // automatically, its first wave goes out now.
        foreach (var freed in _openings.TakeFreed())
        {
            GrainFactory.GetGrain<IWaitlistOfferGrain>(GrainKeys.Offer(_clinicId, freed.OpeningId))
                .OnOpeningFreed(new OfferStart(_clinicId, _date, freed, AutomaticOffers)).Ignore();
        }

        // A visit may have taken an opening's time: look again at which openings are still free.
        await RefreshAsync(withOpenings: _openings.Stored);
    }

    private Task RefreshAsync(bool withOpenings)
    {
        if (withOpenings)
        {
            return RefreshOpeningsAsync();
        }

        Refresh();
        return Task.CompletedTask;
    }

    private async Task RefreshOpeningsAsync()
    {
        if (_config is not null)
        {
            await _openings.RefreshAsync(GrainFactory, Data(), time.GetUtcNow(), _visits.LoadPatientsAsync);
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

    private DayData Data() => new(_clinicId, _date, _config ?? EmptyConfig, _visits.Current, _visits.Patients, live.State.Tickets, billing.Value,
        _runningLate, _openings.Current);

    private static readonly ClinicConfig EmptyConfig = new("", "UTC", [], [], [], new AlertThresholds(), LobbyNamingMode.Initials, []);
}
