namespace PtHub.Grains.Contracts;

/// <summary>Medicare allowed amounts billed for a patient in one calendar year (PT and speech therapy combined).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.AllowedAmount")]
public sealed record AllowedAmount([property: Id(0)] int Year, [property: Id(1)] decimal Amount);
