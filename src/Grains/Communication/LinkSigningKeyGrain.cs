using System.Security.Cryptography;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

internal sealed class LinkSigningKeyGrain(
    [PersistentState("link-key", StorageNames.State)] IPersistentState<LinkSigningKeyState> state) : Grain, ILinkSigningKeyGrain
{
    public async Task<byte[]> GetKey()
    {
        if (state.State.Key is null)
        {
            state.State.Key = RandomNumberGenerator.GetBytes(VisitLinks.KeyBytes);
            await state.WriteOrDropAsync(this);
        }

        return state.State.Key;
    }
}
