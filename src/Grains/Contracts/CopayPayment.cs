namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.CopayPayment")]
public sealed record CopayPayment(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] PaymentMethod Method,
    [property: Id(2)] string CollectedBy,
    [property: Id(3)] DateTimeOffset CollectedAt);
