using PtHub.Grains.Contracts;

namespace PtHub.Grains.Security;

internal sealed class DataProtectionKeysGrain(
    [PersistentState("keys", StorageNames.State)] IPersistentState<DataProtectionKeysState> state) : Grain, IDataProtectionKeysGrain
{
    public Task<IReadOnlyList<string>> GetAll() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Keys.Values]);

    public async Task Add(string friendlyName, string xml)
    {
        state.State.Keys[friendlyName] = xml;
        await state.WriteOrDropAsync(this);
    }
}
