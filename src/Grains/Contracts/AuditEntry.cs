namespace PtHub.Grains.Contracts;

/// <summary>
/// One stored row of an audit chain: the <see cref="AuditRecord"/>'s fields, where it sits in its chain, when the
/// chain grain took it, and the SHA-256 links (lowercase hex) that make changes, deletions and reordering
/// detectable. <see cref="Audit.AuditHash"/> defines what <see cref="Hash"/> covers.
/// </summary>
/// <param name="Sequence">1, 2, 3… within <paramref name="Chain"/>, without gaps.</param>
/// <param name="At">UTC, whole microseconds (what PostgreSQL's timestamptz keeps, so the hash survives a round trip).</param>
/// <param name="Patients">The patients a bulk read disclosed, in ordinal order without repeats; null when none (see <see cref="AuditRecord.Patients"/>).</param>
/// <param name="PreviousHash">The <see cref="Hash"/> of the entry before; 64 zeros for the first entry.</param>
[GenerateSerializer, Immutable, Alias("PtHub.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Chain,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string UserId,
    [property: Id(4)] string Role,
    [property: Id(5)] string? ClinicId,
    [property: Id(6)] string? PatientId,
    [property: Id(7)] string Action,
    [property: Id(8)] string Resource,
    [property: Id(9)] string Outcome,
    [property: Id(10)] string Source,
    [property: Id(11)] string PreviousHash,
    [property: Id(12)] string Hash,
    [property: Id(13)] ValueList<string>? Patients = null)
{
    public AuditRecord ToRecord() => new(UserId, Role, ClinicId, PatientId, Action, Resource, Outcome, Source, Patients);
}
