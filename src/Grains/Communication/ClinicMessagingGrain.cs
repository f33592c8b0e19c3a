using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>A clinic's messaging settings; read by each visit when it plans its reminders and by the outbox when it renders.</summary>
internal sealed class ClinicMessagingGrain(
    [PersistentState("messaging", StorageNames.State)] IPersistentState<ClinicMessagingState> state) : Grain, IClinicMessagingGrain
{
    public Task<MessagingSettings> GetSettings() => Task.FromResult(state.State.Settings ?? MessagingSettings.Default);

    public async Task SetSettings(MessagingSettings settings)
    {
        state.State.Settings = settings;
        await state.WriteOrDropAsync(this);
    }
}
