using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Owns a clinic's configuration. On change it pushes each room's and therapist's capacity to their grains
/// (they enforce it) and tells today's clinic-day grain; it never calls a visit. Its reminder keeps the clinic's
/// today awake: the work the clock drives there (automatic no-shows, alerts) runs with no screen open, after a
/// restart and from the first minutes of a new day. Orleans spreads the reminders over the nodes and moves those of
/// a node that died, so each clinic is woken by one node, not swept by all of them.
/// </summary>
internal sealed partial class ClinicGrain(
    [PersistentState("clinic", StorageNames.State)] IPersistentState<ClinicState> clinic,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    IOptions<LiveViewOptions> liveOptions,
    IKpiStore kpis,
    ILogger<ClinicGrain> logger) : Grain, IClinicGrain, IRemindable
{
    public const string KeepTodayReminder = "keep-today";

    private string ClinicId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (clinic.State.Config is not null)
        {
            // A clinic configured before reminders kept its days gets one the first time it is used. Not awaited here
            // and interleaved: the reminder service's owner of this clinic's range may be a node that just died, and
            // its answer must not hold up the activation or the clinic's configuration reads (the fault drill saw a
            // clinic's every booking wait 30 s on it).
            this.RegisterGrainTimer(EnsureKeepTodayAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = false });
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == KeepTodayReminder && clinic.State.Config is { } config)
        {
            await GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(ClinicId, config.LocalDate(time.GetUtcNow()))).Wake();
        }
    }

    public async Task<Refusal?> Configure(ClinicConfig config)
    {
        var errors = ClinicConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        var previous = clinic.State.Config;
        if (previous is not null)
        {
            // The hours about to be replaced keep the past days they governed: each past day's working time is frozen in
            // the KPI roll-up first, so a change of hours re-states no past productivity (docs/figures.md, "Working minutes").
            var now = time.GetUtcNow();
            await kpis.FreezeWorkingAsync(ClinicId, previous.LocalDate(now).AddDays(-1), (from, to) => KpiWorkingTime.Of(ClinicId, previous, from, to, now));
        }

        clinic.State.Config = config;
        await clinic.WriteOrDropAsync(this);

        var rooms = config.Rooms.Select(r => GrainFactory.GetGrain<IRoomGrain>(GrainKeys.Room(ClinicId, r.Id)).Configure(r));
        var retiredRooms = (previous?.Rooms ?? []).Where(r => config.FindRoom(r.Id) is null)
            .Select(r => GrainFactory.GetGrain<IRoomGrain>(GrainKeys.Room(ClinicId, r.Id)).Configure(null));
        var therapists = config.Therapists.Select(t => GrainFactory.GetGrain<ITherapistGrain>(GrainKeys.Therapist(ClinicId, t.Id)).Configure(t));
        var retiredTherapists = (previous?.Therapists ?? []).Where(t => config.FindTherapist(t.Id) is null)
            .Select(t => GrainFactory.GetGrain<ITherapistGrain>(GrainKeys.Therapist(ClinicId, t.Id)).Configure(null));
        await Task.WhenAll(rooms.Concat(retiredRooms).Concat(therapists).Concat(retiredTherapists));

        await GrainFactory.GetGrain<IClinicDirectoryGrain>(ClinicDirectoryGrain.Key).Register(ClinicId, config.Name);
        var today = config.LocalDate(time.GetUtcNow());
        var todayKey = GrainKeys.ClinicDay(ClinicId, today);
        await GrainFactory.GetGrain<IClinicDayGrain>(todayKey).OnConfigurationChanged(config);
        await GrainFactory.GetGrain<IClinicDayLiveGrain>(todayKey).OnConfigurationChanged(config);
        if (previous is null)
        {
            await EnsureKeepTodayAsync();
        }

        return null;
    }

    public Task<Refusal?> Create(ClinicConfig config) =>
        clinic.State.Config is null
            ? Configure(config)
            : Task.FromResult<Refusal?>(Refusal.Conflict($"A clinic with the id '{ClinicId}' already exists; choose another id."));

    public Task<ClinicConfig?> GetConfig() => Task.FromResult(clinic.State.Config);

    public async Task AddPlanPatient(string patientId)
    {
        if (!clinic.State.PlanPatients.Contains(patientId))
        {
            clinic.State.PlanPatients.Add(patientId);
            await clinic.WriteOrDropAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetPlanPatients() => Task.FromResult<IReadOnlyList<string>>(clinic.State.PlanPatients.ToArray());

    /// <summary>
    /// Registers the reminder unless it stands (registering again would write it and restart its schedule at every
    /// activation); its period is the one configured when it was first registered.
    /// </summary>
    private async Task EnsureKeepTodayAsync()
    {
        var period = liveOptions.Value.KeepTodayPeriod;
        try
        {
            if (await this.GetReminder(KeepTodayReminder) is null)
            {
                await this.RegisterOrUpdateReminder(KeepTodayReminder, period, period);
            }
        }
        catch (Exception ex) when (ex is ReminderException or TimeoutException or OrleansException)
        {
            // The clinic works without it (screens and commands wake the day); the next activation tries again.
            LogReminderFailed(logger, ex, ClinicId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic {ClinicId}: could not register the reminder that keeps its today awake")]
    private static partial void LogReminderFailed(ILogger logger, Exception ex, string clinicId);
}
