namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.ReferralSpec")]
public sealed record ReferralSpec(
    [property: Id(0)] DateOnly ReceivedOn,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string Reason,
    [property: Id(3)] ReferralSource Source,
    [property: Id(4)] string? ProviderId);
