namespace PtHub.Grains.Contracts;

/// <summary>The worklist rows a clinic's staff marked done (key: clinic id).</summary>
[Alias("PtHub.IClinicWorklistGrain")]
public interface IClinicWorklistGrain : IGrainWithStringKey
{
    [Alias("GetDone"), AlwaysInterleave]
    Task<IReadOnlyList<WorklistDoneMark>> GetDone();

    /// <summary>
    /// Marks a row done, replacing an earlier mark of the same row, and forgets the marks of rows no longer on any list
    /// (<paramref name="rowsOnLists"/>), so the state stays the size of the lists.
    /// </summary>
    [Alias("MarkDone")]
    Task MarkDone(WorklistDoneMark mark, IReadOnlyList<string> rowsOnLists);
}
