using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

internal sealed class StaffAccountGrain(
    [PersistentState("account", StorageNames.State)] IPersistentState<StaffAccountState> state) : Grain, IStaffAccountGrain
{
    public Task<StaffAccount?> Get() => Task.FromResult(state.State.Account);

    public async Task<bool> Update(StaffAccount account, string expectedStamp)
    {
        if (state.State.Account is null || account.UserId != this.GetPrimaryKeyString() || state.State.Account.SecurityStamp != expectedStamp)
        {
            return false;
        }

        state.State.Account = account;
        await state.WriteOrDropAsync(this);
        return true;
    }

    public async Task<bool> Create(StaffAccount account)
    {
        if (state.State.Account is not null || account.UserId != this.GetPrimaryKeyString())
        {
            return false;
        }

        state.State.Account = account;
        await state.WriteOrDropAsync(this);
        return true;
    }
}
