using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Resources;

internal sealed class TherapistGrain(
    [PersistentState("therapist", StorageNames.State)] IPersistentState<TherapistState> therapist) : Grain, ITherapistGrain
{
    public async Task Configure(TherapistProfile? profile)
    {
        if (therapist.State.Profile == profile)
        {
            return;
        }

        therapist.State.Profile = profile;
        if (profile is null)
        {
            // Leaving the staff ends the calendar feed; one taken back on is issued a new token.
            therapist.State.FeedTokenHash = null;
        }

        await therapist.WriteOrDropAsync(this);
    }

    public Task<TherapistProfile?> GetProfile() => Task.FromResult(therapist.State.Profile);

    public async Task<Refusal?> Take(string visitId)
    {
        if (therapist.State.Profile is not { } profile)
        {
            return Refusal.NotFound($"No therapist '{GrainKeys.Split(this.GetPrimaryKeyString()).LocalId}' in this clinic.");
        }

        if (therapist.State.Patients.Holds(visitId))
        {
            return null;
        }

        if (!therapist.State.Patients.TryTake(visitId, profile.MaxConcurrentPatients))
        {
            return Refusal.Conflict(
                $"{profile.DisplayName} is already treating {profile.MaxConcurrentPatients} patient(s), the most allowed at once.");
        }

        await therapist.WriteOrDropAsync(this);
        return null;
    }

    public async Task Release(string visitId)
    {
        if (therapist.State.Patients.Release(visitId))
        {
            await therapist.WriteOrDropAsync(this);
        }
    }

    public Task<ResourceLoad?> GetLoad() => Task.FromResult(therapist.State.Profile is { } profile
        ? new ResourceLoad(profile.Id, profile.MaxConcurrentPatients, therapist.State.Patients.VisitIds.ToArray(), false)
        : null);

    public async Task<string> IssueFeedToken()
    {
        // 256 random bits: guessing is hopeless, so a plain (unsalted) hash is enough to keep the stored form useless.
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        therapist.State.FeedTokenHash = Hash(token);
        await therapist.WriteOrDropAsync(this);
        return token;
    }

    public async Task RevokeFeedToken()
    {
        if (therapist.State.FeedTokenHash is not null)
        {
            therapist.State.FeedTokenHash = null;
            await therapist.WriteOrDropAsync(this);
        }
    }

    public Task<bool> CheckFeedToken(string token) => Task.FromResult(
        therapist.State is { Profile: not null, FeedTokenHash: { } stored }
        && !string.IsNullOrEmpty(token)
        && CryptographicOperations.FixedTimeEquals(stored, Hash(token)));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
