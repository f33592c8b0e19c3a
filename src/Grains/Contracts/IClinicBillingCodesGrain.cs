namespace PtHub.Grains.Contracts;

/// <summary>The procedure codes a clinic adds to the built-in catalogue (key: clinic id). It calls no other grain.</summary>
[Alias("PtHub.IClinicBillingCodesGrain")]
public interface IClinicBillingCodesGrain : IGrainWithStringKey
{
    /// <summary>The clinic's own codes, in code order.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<BillingCode>> List();

    /// <summary>Refused when the code is built in or the clinic has it already.</summary>
    [Alias("Add")]
    Task<Refusal?> Add(BillingCode code);

    [Alias("Remove")]
    Task<Refusal?> Remove(string code);
}
