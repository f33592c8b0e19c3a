using PtHub.Grains.Contracts;

namespace PtHub.Grains.Worklists;

internal sealed class ClinicWorklistGrain(
    [PersistentState("worklist", StorageNames.State)] IPersistentState<ClinicWorklistState> state) : Grain, IClinicWorklistGrain
{
    public Task<IReadOnlyList<WorklistDoneMark>> GetDone() => Task.FromResult<IReadOnlyList<WorklistDoneMark>>([.. state.State.Done]);

    public async Task MarkDone(WorklistDoneMark mark, IReadOnlyList<string> rowsOnLists)
    {
        var kept = rowsOnLists.ToHashSet(StringComparer.Ordinal);
        state.State.Done = [.. state.State.Done.Where(m => m.RowKey != mark.RowKey && kept.Contains(m.RowKey)), mark];
        await state.WriteOrDropAsync(this);
    }
}
