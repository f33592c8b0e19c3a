namespace PtHub.Grains.Contracts;

/// <summary>
/// A licence or certification of a person: its type (one of the clinic's credential types), number, issuer and expiry.
/// It is valid through <see cref="Expiry"/> (none: it does not expire, as an NPI). A renewal is a new credential of the
/// same type; the one that expires last is the one that counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.Credential")]
public sealed record Credential(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string TypeCode,
    [property: Id(2)] string Number,
    [property: Id(3)] string? Issuer,
    [property: Id(4)] DateOnly? Expiry,
    [property: Id(5)] string RecordedBy,
    [property: Id(6)] DateTimeOffset RecordedAt);
