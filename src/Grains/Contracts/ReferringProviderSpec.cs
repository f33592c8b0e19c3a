namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.ReferringProviderSpec")]
public sealed record ReferringProviderSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Npi,
    [property: Id(2)] string? Practice,
    [property: Id(3)] string? Phone,
    [property: Id(4)] string? Email,
    [property: Id(5)] string? Fax);
