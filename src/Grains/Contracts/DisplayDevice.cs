namespace PtHub.Grains.Contracts;

/// <summary>A paired lobby wall display. Its token is never stored, only the token secret's SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.DisplayDevice")]
public sealed record DisplayDevice(
    [property: Id(0)] string DisplayId,
    [property: Id(1)] string ClinicId,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset PairedAt,
    [property: Id(4)] string PairedBy,
    [property: Id(5)] DateTimeOffset? RevokedAt,
    [property: Id(6)] string? RevokedBy)
{
    public bool IsActive => RevokedAt is null;
}
