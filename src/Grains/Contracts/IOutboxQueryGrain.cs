namespace PtHub.Grains.Contracts;

/// <summary>
/// Reads of a clinic's outbox for staff, on whichever silo takes the call (a stateless worker over the outbox table),
/// so a web node that is only an Orleans client can show the queue too. Key: the clinic id.
/// </summary>
[Alias("PtHub.IOutboxQueryGrain")]
public interface IOutboxQueryGrain : IGrainWithStringKey
{
    /// <summary>The clinic's messages (one patient's when given): failed and bounced first, then pending, then the rest.</summary>
    [Alias("List")]
    Task<IReadOnlyList<OutboxMessage>> List(string? patientId, int limit);

    /// <summary>A message of this clinic with its attempts; null when there is none.</summary>
    [Alias("Get")]
    Task<(OutboxMessage Message, IReadOnlyList<OutboxAttempt> Attempts)?> Get(string key);
}
