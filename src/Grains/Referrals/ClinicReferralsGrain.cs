using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Referrals;

/// <summary>A clinic's referring providers and referrals. Conversion is worked out at read time from the patients' visits.</summary>
internal sealed class ClinicReferralsGrain(
    [PersistentState("referrals", StorageNames.State)] IPersistentState<ReferralsState> referrals,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicReferralsGrain
{
    private ReferralsState State => referrals.State;

    public async Task<ReferralChange> AddProvider(ReferringProviderSpec spec)
    {
        if (SameNpi(null, spec.Npi) is { } refusal)
        {
            return new ReferralChange(null, null, refusal);
        }

        var provider = new ReferringProvider(NewId(), spec.Name, spec.Npi, spec.Practice, spec.Phone, spec.Email, spec.Fax);
        State.Providers.Add(provider);
        await referrals.WriteOrDropAsync(this);
        return new ReferralChange(null, provider);
    }

    public async Task<ReferralChange> UpdateProvider(string providerId, ReferringProviderSpec spec)
    {
        var index = State.Providers.FindIndex(p => p.ProviderId == providerId);
        if (index < 0)
        {
            return new ReferralChange(null, null, Refusal.NotFound($"No referring provider '{providerId}'."));
        }

        if (SameNpi(providerId, spec.Npi) is { } refusal)
        {
            return new ReferralChange(null, null, refusal);
        }

        State.Providers[index] = new ReferringProvider(providerId, spec.Name, spec.Npi, spec.Practice, spec.Phone, spec.Email, spec.Fax);
        await referrals.WriteOrDropAsync(this);
        return new ReferralChange(null, State.Providers[index]);
    }

    public Task<IReadOnlyList<ReferringProvider>> Providers() =>
        Task.FromResult<IReadOnlyList<ReferringProvider>>([.. State.Providers.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)]);

    public async Task<ReferralChange> Record(ReferralSpec spec, string recordedBy)
    {
        if (spec.ProviderId is { } providerId && State.Providers.All(p => p.ProviderId != providerId))
        {
            return new ReferralChange(null, null, Refusal.NotFound($"No referring provider '{providerId}'."));
        }

        var referral = new Referral(NewId(), spec.ReceivedOn, spec.PatientId, spec.Reason, spec.Source, spec.ProviderId, recordedBy, time.GetUtcNow());
        State.Referrals.Add(referral);
        await referrals.WriteOrDropAsync(this);
        return new ReferralChange(referral, null);
    }

    public Task<IReadOnlyList<Referral>> Received(DateOnly from, DateOnly to) =>
        Task.FromResult<IReadOnlyList<Referral>>(
            [.. State.Referrals.Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.RecordedAt)]);

    public Task<Referral?> Get(string referralId) => Task.FromResult(State.Referrals.FirstOrDefault(r => r.ReferralId == referralId));

    private Refusal? SameNpi(string? providerId, string npi) =>
        State.Providers.FirstOrDefault(p => p.ProviderId != providerId && p.Npi == npi) is { } other
            ? Refusal.Conflict($"NPI {npi} is already {other.Name}'s.")
            : null;

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
