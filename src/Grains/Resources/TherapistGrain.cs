using PtHub.Grains.Contracts;

namespace PtHub.Grains.Resources;

internal sealed class TherapistGrain(
    [PersistentState("therapist", StorageNames.State)] IPersistentState<TherapistState> therapist) : Grain, ITherapistGrain
{
    public async Task Configure(TherapistProfile? profile)
    {
        if (therapist.State.Profile == profile)
        {
            return;
        }

        therapist.State.Profile = profile;
        await therapist.WriteStateAsync();
    }

    public Task<TherapistProfile?> GetProfile() => Task.FromResult(therapist.State.Profile);

    public async Task<Refusal?> Take(string visitId)
    {
        if (therapist.State.Profile is not { } profile)
        {
            return Refusal.NotFound($"No therapist '{GrainKeys.Split(this.GetPrimaryKeyString()).LocalId}' in this clinic.");
        }

        if (therapist.State.Patients.Holds(visitId))
        {
            return null;
        }

        if (!therapist.State.Patients.TryTake(visitId, profile.MaxConcurrentPatients))
        {
            return Refusal.Conflict(
                $"{profile.DisplayName} is already treating {profile.MaxConcurrentPatients} patient(s), the most allowed at once.");
        }

        await therapist.WriteStateAsync();
        return null;
    }

    public async Task Release(string visitId)
    {
        if (therapist.State.Patients.Release(visitId))
        {
            await therapist.WriteStateAsync();
        }
    }

    public Task<ResourceLoad?> GetLoad() => Task.FromResult(therapist.State.Profile is { } profile
        ? new ResourceLoad(profile.Id, profile.MaxConcurrentPatients, therapist.State.Patients.VisitIds.ToArray(), false)
        : null);
}
