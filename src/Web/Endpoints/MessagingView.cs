using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's messaging settings as the settings screen edits them (lead times in hours).</summary>
public sealed record MessagingView(bool RemindersEnabled, IReadOnlyList<double> ReminderLeadHours, TimeOnly QuietFrom, TimeOnly QuietUntil,
    IReadOnlyList<MessageTemplate> Templates, IReadOnlyList<string> MergeFields, int RecallEveryDays)
{
    public static MessagingView Of(MessagingSettings settings) => new(settings.RemindersEnabled,
        [.. settings.ReminderLeadTimes.Select(l => l.TotalHours)], settings.QuietFrom, settings.QuietUntil, settings.Templates, MessageTemplates.Fields,
        settings.RecallEveryDays);
}
