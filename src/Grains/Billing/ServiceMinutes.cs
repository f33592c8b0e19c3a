namespace PtHub.Grains.Billing;

/// <summary>Minutes of one procedure code given to a patient on a day; the same code may appear more than once.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.ServiceMinutes")]
public sealed record ServiceMinutes(
    [property: Id(0)] string Code,
    [property: Id(1)] int Minutes);
