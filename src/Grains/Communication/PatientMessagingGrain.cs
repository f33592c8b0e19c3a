using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>A patient's channel and opt-out; the outbox asks it before every send, so an opt-out stops what is already queued.</summary>
internal sealed class PatientMessagingGrain(
    [PersistentState("contact", StorageNames.State)] IPersistentState<PatientMessagingState> state) : Grain, IPatientMessagingGrain
{
    public Task<ContactPreferences> GetPreferences() => Task.FromResult(state.State.Preferences);

    public async Task<ContactPreferences> SetPreferences(ContactPreferences preferences)
    {
        state.State.Preferences = preferences;
        await state.WriteOrDropAsync(this);
        return preferences;
    }
}
