using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's messaging settings as the settings screen edits them (lead times in hours, offer waits in minutes);
/// <paramref name="OfferTemplate"/> is the offer message in use (the clinic's own, else the default).
/// </summary>
public sealed record MessagingView(bool RemindersEnabled, IReadOnlyList<double> ReminderLeadHours, TimeOnly QuietFrom, TimeOnly QuietUntil,
    IReadOnlyList<MessageTemplate> Templates, IReadOnlyList<string> MergeFields, OfferSettingsBody Offers, MessageTemplate OfferTemplate,
    int RecallEveryDays)
{
    public static MessagingView Of(MessagingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var offers = settings.EffectiveOffers;
        return new(settings.RemindersEnabled, [.. settings.ReminderLeadTimes.Select(l => l.TotalHours)], settings.QuietFrom, settings.QuietUntil,
            settings.Templates, MessageTemplates.Fields,
            new OfferSettingsBody(offers.Enabled, offers.WaveSize, (int)offers.WaveWait.TotalMinutes, (int)offers.StopBefore.TotalMinutes, offers.Automatic),
            settings.TemplateFor(MessagingSettings.OfferTemplate), settings.RecallEveryDays);
    }
}
