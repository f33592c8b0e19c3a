namespace PtHub.Grains.Contracts;

/// <summary>One appointment occurrence: the truth of its status, times, room, therapist and events. Key: the visit id.</summary>
[Alias("PtHub.IVisitGrain")]
public interface IVisitGrain : IGrainWithStringKey
{
    /// <summary>Called by the clinic-day grain only; it does not notify the day back (no call cycle).</summary>
    [Alias("Book")]
    Task<VisitResult> Book(VisitBooking booking);

    [Alias("Execute")]
    Task<VisitResult> Execute(VisitCommand command);

    /// <summary>A merge of patient records: a visit of <paramref name="fromPatientId"/> becomes one of <paramref name="toPatientId"/>.</summary>
    [Alias("MovePatient")]
    Task MovePatient(string fromPatientId, string toPatientId);

    /// <summary>Interleaves so the clinic-day grain can rebuild while a visit waits on it.</summary>
    [Alias("GetSnapshot"), AlwaysInterleave]
    Task<VisitSnapshot?> GetSnapshot();

    [Alias("GetHistory"), AlwaysInterleave]
    Task<VisitHistory?> GetHistory();
}
