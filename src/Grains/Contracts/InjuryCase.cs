namespace PtHub.Grains.Contracts;

/// <summary>
/// One case of the clinic's injury and illness log. <see cref="CaseNumber"/> is the clinic's running number, never
/// reused; who recorded the case and who last changed it are kept with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.InjuryCase")]
public sealed record InjuryCase(
    [property: Id(0)] string CaseId,
    [property: Id(1)] int CaseNumber,
    [property: Id(2)] InjuryCaseSpec Details,
    [property: Id(3)] string RecordedBy,
    [property: Id(4)] DateTimeOffset RecordedAt,
    [property: Id(5)] string? ChangedBy = null,
    [property: Id(6)] DateTimeOffset? ChangedAt = null);
