using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Displays;

internal sealed class ClinicDisplaysGrain(
    [PersistentState("displays", StorageNames.State)] IPersistentState<ClinicDisplaysState> state,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicDisplaysGrain
{
    private string ClinicId => this.GetPrimaryKeyString();

    public async Task<DisplayDevice> Pair(string name, byte[] secretHash, string pairedBy)
    {
        var display = new DisplayDevice(Guid.NewGuid().ToString("N"), ClinicId, name, time.GetUtcNow(), pairedBy, null, null);
        state.State.Displays.Add(display);
        state.State.SecretHashes[display.DisplayId] = secretHash;
        await state.WriteOrDropAsync(this);
        return display;
    }

    public async Task<bool> Revoke(string displayId, string revokedBy)
    {
        var index = state.State.Displays.FindIndex(d => d.DisplayId == displayId);
        if (index < 0)
        {
            return false;
        }

        if (state.State.Displays[index].IsActive)
        {
            state.State.Displays[index] = state.State.Displays[index] with { RevokedAt = time.GetUtcNow(), RevokedBy = revokedBy };
            state.State.SecretHashes.Remove(displayId);
            await state.WriteOrDropAsync(this);
        }

        // The nodes that serve this clinic's lobby watch its day; they hold the display's live connections.
        if (await GrainFactory.GetGrain<IClinicGrain>(ClinicId).GetConfig() is { } config)
        {
            var today = config.LocalDate(time.GetUtcNow());
            await GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(ClinicId, today)).DisconnectDisplay(displayId);
        }

        return true;
    }

    public Task<bool> Authenticate(string displayId, byte[] secretHash) =>
        Task.FromResult(state.State.SecretHashes.TryGetValue(displayId, out var stored)
            && CryptographicOperations.FixedTimeEquals(stored, secretHash));

    public Task<bool> IsActive(string displayId) => Task.FromResult(state.State.SecretHashes.ContainsKey(displayId));

    public Task<IReadOnlyList<DisplayDevice>> List() => Task.FromResult<IReadOnlyList<DisplayDevice>>([.. state.State.Displays]);
}
