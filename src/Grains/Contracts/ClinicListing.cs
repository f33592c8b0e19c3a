namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.ClinicListing")]
public sealed record ClinicListing([property: Id(0)] string ClinicId, [property: Id(1)] string Name);
