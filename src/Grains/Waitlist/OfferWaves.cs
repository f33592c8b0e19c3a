using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Waitlist;

/// <summary>When an opening's offers stop, which waiting patients a wave offers it to, and the message each gets. Pure.</summary>
public static class OfferWaves
{
    /// <summary>The last moment an offer goes out or is accepted: the lead before the slot's start.</summary>
    public static DateTimeOffset StopAt(Opening opening, OfferSettings settings)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(settings);
        return opening.Start - settings.StopBefore;
    }

    /// <summary>The matches not offered before, best first (as the board proposes them): the next wave is taken from the front.</summary>
    public static IEnumerable<WaitlistEntry> Candidates(Opening opening, ClinicConfig config, IEnumerable<WaitlistEntry> entries, IReadOnlySet<string> offered) =>
        WaitlistMatch.For(opening, config, entries).Where(e => !offered.Contains(e.EntryId));

    /// <summary>The offer message of one entry: the minimum necessary (clinic, date, time, therapist), due now, useless after the stop.</summary>
    public static OutboxMessage Message(string clinicId, Opening opening, ClinicConfig config, int run, int wave, WaitlistEntry entry,
        MessageChannel channel, DateTimeOffset now, DateTimeOffset stopAt, string startedBy)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(entry);
        var local = TimeZoneInfo.ConvertTime(opening.Start, config.TimeZone);
        var data = new Dictionary<string, string>
        {
            [MessageTemplates.Clinic] = config.Name,
            [MessageTemplates.Date] = ReminderPlanner.DateText(local),
            [MessageTemplates.Time] = ReminderPlanner.TimeText(local),
            [MessageTemplates.Therapist] = config.FindTherapist(opening.TherapistId)?.DisplayName ?? "your therapist",
        };
        return new OutboxMessage(OfferLinks.MessageKey(clinicId, opening.OpeningId, run, entry.EntryId), clinicId, entry.PatientId, null, channel,
            MessagingSettings.OfferTemplate, data, now, stopAt, OutboxStatus.Pending, 0, now, null, null, now, null,
            $"waitlist offer wave {wave} of opening {opening.OpeningId}; started by {startedBy}");
    }
}
