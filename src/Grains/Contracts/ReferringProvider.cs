namespace PtHub.Grains.Contracts;

/// <summary>A provider who refers patients to the clinic; the NPI's check digit was checked when it was recorded.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ReferringProvider")]
public sealed record ReferringProvider(
    [property: Id(0)] string ProviderId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Npi,
    [property: Id(3)] string? Practice,
    [property: Id(4)] string? Phone,
    [property: Id(5)] string? Email,
    [property: Id(6)] string? Fax);
