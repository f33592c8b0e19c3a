using PtHub.Grains.Contracts;

namespace PtHub.Grains.Billing;

/// <summary>
/// A clinic's own procedure codes. A visit stamps each recorded code with its timed flag when the minutes are recorded,
/// so removing or changing a code later never rebills a visit already recorded.
/// </summary>
internal sealed class ClinicBillingCodesGrain(
    [PersistentState("billingcodes", StorageNames.State)] IPersistentState<ClinicBillingCodesState> codes) : Grain, IClinicBillingCodesGrain
{
    public Task<IReadOnlyList<BillingCode>> List() =>
        Task.FromResult<IReadOnlyList<BillingCode>>([.. codes.State.Codes.OrderBy(c => c.Code, StringComparer.Ordinal)]);

    public async Task<Refusal?> Add(BillingCode code)
    {
        if (ProcedureCatalog.Find(code.Code) is not null)
        {
            return Refusal.Conflict($"{code.Code} is a built-in code.");
        }

        if (codes.State.Codes.Any(c => string.Equals(c.Code, code.Code, StringComparison.OrdinalIgnoreCase)))
        {
            return Refusal.Conflict($"The clinic already has {code.Code}.");
        }

        codes.State.Codes.Add(code with { BuiltIn = false });
        await codes.WriteOrDropAsync(this);
        return null;
    }

    public async Task<Refusal?> Remove(string code)
    {
        if (codes.State.Codes.RemoveAll(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            return Refusal.NotFound($"The clinic has no code '{code}' of its own.");
        }

        await codes.WriteOrDropAsync(this);
        return null;
    }
}
