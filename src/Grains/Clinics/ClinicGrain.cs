using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Owns a clinic's configuration. On change it pushes each room's and therapist's capacity to their grains
/// (they enforce it) and tells today's clinic-day grain; it never calls a visit.
/// </summary>
internal sealed class ClinicGrain(
    [PersistentState("clinic", StorageNames.State)] IPersistentState<ClinicState> clinic,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicGrain
{
    private string ClinicId => this.GetPrimaryKeyString();

    public async Task<Refusal?> Configure(ClinicConfig config)
    {
        var errors = ClinicConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        var previous = clinic.State.Config;
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
}
