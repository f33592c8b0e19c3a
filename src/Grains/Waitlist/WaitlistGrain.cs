using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Waitlist;

/// <summary>A clinic's waitlist. Each change is told one-way to today's clinic-day, whose board shows the openings' candidates.</summary>
internal sealed class WaitlistGrain(
    [PersistentState("waitlist", StorageNames.State)] IPersistentState<WaitlistState> waitlist,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IWaitlistGrain
{
    private string ClinicId => this.GetPrimaryKeyString();

    public async Task<WaitlistEntry> Add(WaitlistEntry entry)
    {
        var added = entry with { EntryId = Guid.NewGuid().ToString("N")[..12], AddedAt = time.GetUtcNow(), BookedVisitId = null };
        waitlist.State.Entries.Add(added);
        await SaveAndTellAsync();
        return added;
    }

    public async Task<bool> Remove(string entryId)
    {
        if (waitlist.State.Entries.RemoveAll(e => e.EntryId == entryId) == 0)
        {
            return false;
        }

        await SaveAndTellAsync();
        return true;
    }

    public Task<IReadOnlyList<WaitlistEntry>> List() =>
        Task.FromResult<IReadOnlyList<WaitlistEntry>>(waitlist.State.Entries.Where(e => e.BookedVisitId is null).ToArray());

    public async Task MarkBooked(string entryId, string visitId)
    {
        var index = waitlist.State.Entries.FindIndex(e => e.EntryId == entryId);
        if (index >= 0)
        {
            waitlist.State.Entries[index] = waitlist.State.Entries[index] with { BookedVisitId = visitId };
            await SaveAndTellAsync();
        }
    }

    private async Task SaveAndTellAsync()
    {
        await waitlist.WriteOrDropAsync(this);
        if (await GrainFactory.GetGrain<IClinicGrain>(ClinicId).GetConfig() is { } config)
        {
            await GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(ClinicId, config.LocalDate(time.GetUtcNow()))).OnWaitlistChanged();
        }
    }
}
