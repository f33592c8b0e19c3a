namespace PtHub.Grains.Contracts;

/// <summary>One appointment occurrence: the truth of its status, times, room, therapist and events. Key: the visit id.</summary>
[Alias("PtHub.IVisitGrain")]
public interface IVisitGrain : IGrainWithStringKey
{
    /// <summary>Called by the clinic-day grain only; it does not call the day back (no call cycle). A walk-in is booked arrived.</summary>
    [Alias("Book")]
    Task<VisitResult> Book(VisitBooking booking);

    [Alias("Execute")]
    Task<VisitResult> Execute(VisitCommand command);

    /// <summary>
    /// Keeps the wait quoted to the patient at arrival (the live grain's estimate, asked by whoever gave the command
    /// after it, so the visit never waits on the live grain). Only the first quote of an arrived visit is kept.
    /// </summary>
    [Alias("RecordQuotedWait")]
    Task RecordQuotedWait(int minutes);

    /// <summary>A merge of patient records: a visit of <paramref name="fromPatientId"/> becomes one of <paramref name="toPatientId"/>.</summary>
    [Alias("MovePatient")]
    Task MovePatient(string fromPatientId, string toPatientId);

    /// <summary>
    /// Plans the visit's reminders again from what they depend on outside the visit (the patient's contact preferences):
    /// a patient who opts back in gets the reminders of their booked visits. Idempotent; nothing for a visit not booked.
    /// </summary>
    [Alias("ReplanReminders")]
    Task ReplanReminders(string causedBy);

    /// <summary>
    /// Interleaves so the clinic-day grains can read a visit that is busy with a command. Its short timeout bounds a
    /// call lost with a dead node (VisitReads tries again); a read that interleaves has no other reason to be slow.
    /// </summary>
    [Alias("GetSnapshot"), AlwaysInterleave, ResponseTimeout("00:00:05")]
    Task<VisitSnapshot?> GetSnapshot();

    [Alias("GetHistory"), AlwaysInterleave]
    Task<VisitHistory?> GetHistory();
}
