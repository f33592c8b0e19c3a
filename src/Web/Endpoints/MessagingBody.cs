using System.Globalization;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's messaging settings, all of them (a PUT replaces the settings, so a body missing one is refused rather
/// than silently defaulted): whether reminders go out, their lead times in hours, quiet hours in clinic time, and the
/// templates (optional: without them the clinic's reminder template is the default one). The waitlist offers and the
/// recall period are optional too: without them they stay as they were, so a form that does not show them cannot reset them.
/// </summary>
public sealed record MessagingBody(
    bool? RemindersEnabled,
    IReadOnlyList<double>? ReminderLeadHours,
    TimeOnly? QuietFrom,
    TimeOnly? QuietUntil,
    IReadOnlyList<MessageTemplate>? Templates,
    OfferSettingsBody? Offers = null,
    int? RecallEveryDays = null)
{
    public const int MaxRecallEveryDays = 365;

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, given) in new[]
        {
            ("remindersEnabled", RemindersEnabled is not null), ("reminderLeadHours", ReminderLeadHours is not null),
            ("quietFrom", QuietFrom is not null), ("quietUntil", QuietUntil is not null),
        })
        {
            if (!given)
            {
                errors[field] = [$"{field} is required."];
            }
        }

        var leads = ReminderLeadHours ?? [];
        if (ReminderLeadHours is not null && (leads.Count is 0 or > 5 || leads.Any(h => h is <= 0 or > 24 * 14)))
        {
            errors["reminderLeadHours"] = ["reminderLeadHours: 1 to 5 lead times, each more than 0 and at most 336 hours (14 days)."];
        }

        if (RecallEveryDays is < 1 or > MaxRecallEveryDays)
        {
            errors["recallEveryDays"] = [$"recallEveryDays: at most one recall per patient every 1 to {MaxRecallEveryDays} days."];
        }

        if (Templates is { Count: 0 })
        {
            errors["templates"] = ["templates, when given, are at least the reminder template."];
        }

        var templates = Templates ?? [];
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            if (template is null || string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Body))
            {
                errors[$"templates[{i}]"] = ["A template needs a name and a body."];
                continue;
            }

            foreach (var (part, text) in new[] { ("subject", template.Subject ?? ""), ("body", template.Body) })
            {
                if (MessageTemplates.UnknownFields(text) is { Count: > 0 } unknown)
                {
                    errors[string.Create(CultureInfo.InvariantCulture, $"templates[{i}].{part}")] =
                        [$"Unknown merge field {string.Join(", ", unknown.Select(f => "{" + f + "}"))}; the fields are {string.Join(", ", MessageTemplates.Fields.Select(f => "{" + f + "}"))} (minimum necessary: never a diagnosis, visit reason or insurance)."];
                }
            }
        }

        if (templates.Count > 0 && !templates.Any(t => t?.Name == MessagingSettings.ReminderTemplate))
        {
            errors["templates"] = [$"The templates must include '{MessagingSettings.ReminderTemplate}'."];
        }

        Offers?.Validate(errors);
        return errors;
    }

    /// <summary>The settings this body sets, over the clinic's <paramref name="current"/> ones (which keep what the body leaves out).</summary>
    public MessagingSettings ToSettings(MessagingSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var defaults = MessagingSettings.Default;
        return new MessagingSettings(RemindersEnabled ?? true,
            ReminderLeadHours is { Count: > 0 } hours ? [.. hours.Select(TimeSpan.FromHours)] : defaults.ReminderLeadTimes,
            QuietFrom ?? defaults.QuietFrom, QuietUntil ?? defaults.QuietUntil,
            Templates is { Count: > 0 } templates ? [.. templates.Select(t => t with { Subject = t.Subject ?? "" })] : defaults.Templates,
            Offers?.ToSettings() ?? current.Offers,
            RecallEveryDays ?? current.RecallEveryDays);
    }
}
