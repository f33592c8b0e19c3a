using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Communication;

/// <summary>Gathers what <see cref="ReminderPlanner"/> needs for a visit (all reads that interleave) and stores its plan.</summary>
internal static class VisitReminders
{
    public static async Task PlanAsync(IGrainFactory grains, IOutboxStore outbox, VisitSnapshot visit, DateTimeOffset now, string causedBy)
    {
        IReadOnlyList<OutboxMessage> wanted = [];
        if (visit.Status == VisitStatus.Booked && visit.ScheduledStart > now
            && await grains.GetGrain<IClinicGrain>(visit.ClinicId).GetConfig() is { } clinic)
        {
            var preferences = await grains.GetGrain<IPatientMessagingGrain>(visit.PatientId).GetPreferences();
            if (!preferences.OptedOut)
            {
                var settings = await grains.GetGrain<IClinicMessagingGrain>(visit.ClinicId).GetSettings();
                var patient = await grains.GetGrain<IPatientGrain>(visit.PatientId).Get();
                wanted = ReminderPlanner.Plan(visit, clinic, settings, ChannelOf(preferences, patient?.Details), now, causedBy);
            }
        }

        await outbox.PlanVisitAsync(visit.VisitId, wanted, now);
    }

    /// <summary>The patient's chosen channel, else a text message when there is a phone number, else e-mail.</summary>
    public static MessageChannel ChannelOf(ContactPreferences preferences, PatientDetails? details) =>
        preferences.Channel ?? (string.IsNullOrWhiteSpace(details?.Phone) && !string.IsNullOrWhiteSpace(details?.Email)
            ? MessageChannel.Email
            : MessageChannel.Sms);
}
