namespace PtHub.Grains.Contracts;

/// <summary>A clinic's waitlist (key: clinic id). Written when entries come and go; read when a slot frees.</summary>
[Alias("PtHub.IWaitlistGrain")]
public interface IWaitlistGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<WaitlistEntry> Add(WaitlistEntry entry);

    [Alias("Remove")]
    Task<bool> Remove(string entryId);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<WaitlistEntry>> List();

    [Alias("MarkBooked")]
    Task MarkBooked(string entryId, string visitId);
}
