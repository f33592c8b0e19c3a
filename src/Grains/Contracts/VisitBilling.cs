namespace PtHub.Grains.Contracts;

/// <summary>What a checked-out visit bills: its charges, the payer, and anything the biller must know.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitBilling")]
public sealed record VisitBilling(
    [property: Id(0)] ValueList<Charge> Charges,
    [property: Id(1)] string? Payer,
    [property: Id(2)] ValueList<string> Warnings);
