namespace PtHub.Grains.Contracts;

/// <summary>A kind of credential a clinic keeps. <see cref="Licence"/>: a licence to treat, which booking checks.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.CredentialType")]
public sealed record CredentialType(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Licence);
