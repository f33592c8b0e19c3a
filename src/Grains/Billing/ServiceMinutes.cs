namespace PtHub.Grains.Billing;

/// <summary>
/// Minutes of one procedure code given to a patient on a day; the same code may appear more than once.
/// <see cref="Timed"/> is set for a clinic's own code (from <see cref="Contracts.IClinicBillingCodesGrain"/>, when the
/// visit records it); null for a built-in code, which <see cref="ProcedureCatalog"/> knows.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ServiceMinutes")]
public sealed record ServiceMinutes(
    [property: Id(0)] string Code,
    [property: Id(1)] int Minutes,
    [property: Id(2)] bool? Timed = null)
{
    /// <summary>Whether the code is billed in timed units; null when neither the clinic nor the catalogue knows it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool? IsTimed => Timed ?? ProcedureCatalog.Find(Code)?.Timed;
}
