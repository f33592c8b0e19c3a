using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Waitlist;

/// <summary>
/// Sends one wave of an opening's offers: the next best matches that can be reached (opted-out patients are passed
/// over), each by the channel they prefer. The messages are stored in the outbox before the offer grain stores its
/// state: if it fails in between, the same keys are planned again and stored once.
/// </summary>
internal sealed class OfferWaveSender(IGrainFactory grains, IOutboxStore outbox)
{
    public async Task<IReadOnlyList<OfferRecipient>> SendAsync(string clinicId, Opening opening, ClinicConfig config, IReadOnlyList<WaitlistEntry> entries,
        IReadOnlySet<string> offered, WaitlistOfferState offers, int wave, DateTimeOffset now, DateTimeOffset stopAt)
    {
        var picked = new List<OfferRecipient>();
        foreach (var entry in OfferWaves.Candidates(opening, config, entries, offered))
        {
            if (picked.Count >= offers.Settings.WaveSize)
            {
                break;
            }

            var preferences = await grains.GetGrain<IPatientMessagingGrain>(entry.PatientId).GetPreferences();
            if (preferences.OptedOut)
            {
                continue;
            }

            var details = (await grains.GetGrain<IPatientGrain>(entry.PatientId).Get())?.Details;
            var message = OfferWaves.Message(clinicId, opening, config, offers.Run, wave, entry, VisitReminders.ChannelOf(preferences, details), now, stopAt,
                offers.StartedBy);
            await outbox.EnqueueAsync(message);
            picked.Add(new OfferRecipient(entry.EntryId, entry.PatientId, entry.VisitTypeCode, wave, now, message.Key));
        }

        return picked;
    }
}
