namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.CredentialSpec")]
public sealed record CredentialSpec(
    [property: Id(0)] string TypeCode,
    [property: Id(1)] string Number,
    [property: Id(2)] string? Issuer,
    [property: Id(3)] DateOnly? Expiry);
