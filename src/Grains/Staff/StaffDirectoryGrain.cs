using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

internal sealed class StaffDirectoryGrain(
    [PersistentState("staff", StorageNames.State)] IPersistentState<StaffDirectoryState> directory) : Grain, IStaffDirectoryGrain
{
    public const string Key = "all";

    public async Task<bool> Create(StaffAccount account)
    {
        var created = await GrainFactory.GetGrain<IStaffAccountGrain>(account.UserId).Create(account);
        // Listed even when not created here: it heals a crash between the account's write and this one.
        if (!directory.State.UserIds.Contains(account.UserId))
        {
            directory.State.UserIds.Add(account.UserId);
            await directory.WriteOrDropAsync(this);
        }

        return created;
    }

    public Task<bool> CreateFirstAdmin(StaffAccount admin) =>
        directory.State.UserIds.Count > 0 || admin.Role != StaffRole.Admin ? Task.FromResult(false) : Create(admin);

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. directory.State.UserIds]);
}
