namespace PtHub.Grains.Storage;

/// <summary>
/// A filter over one chain's entries. <see cref="From"/> is inclusive and <see cref="To"/> exclusive, so consecutive
/// ranges neither overlap nor leave gaps. The result is ordered by sequence, newest first unless
/// <see cref="NewestFirst"/> is false, and holds at most <see cref="Limit"/> entries.
/// </summary>
public sealed record AuditQuery(
    string Chain,
    string? PatientId = null,
    string? UserId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = AuditQuery.DefaultLimit,
    bool NewestFirst = true)
{
    public const int DefaultLimit = 200;

    public const int MaxLimit = 5000;
}
