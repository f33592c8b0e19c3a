using System.Globalization;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's messaging settings: reminder lead times in hours (default 48 and 2), quiet hours in clinic time, templates.</summary>
public sealed record MessagingBody(
    bool? RemindersEnabled,
    IReadOnlyList<double>? ReminderLeadHours,
    TimeOnly? QuietFrom,
    TimeOnly? QuietUntil,
    IReadOnlyList<MessageTemplate>? Templates)
{
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var leads = ReminderLeadHours ?? [];
        if (leads.Count > 5 || leads.Any(h => h is <= 0 or > 24 * 14))
        {
            errors["reminderLeadHours"] = ["reminderLeadHours: up to 5 lead times, each more than 0 and at most 336 hours (14 days)."];
        }

        var templates = Templates ?? [];
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Body))
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

        if (templates.Count > 0 && !templates.Any(t => t.Name == MessagingSettings.ReminderTemplate))
        {
            errors["templates"] = [$"The templates must include '{MessagingSettings.ReminderTemplate}'."];
        }

        return errors;
    }

    public MessagingSettings ToSettings()
    {
        var defaults = MessagingSettings.Default;
        return new MessagingSettings(RemindersEnabled ?? true,
            ReminderLeadHours is { Count: > 0 } hours ? [.. hours.Select(TimeSpan.FromHours)] : defaults.ReminderLeadTimes,
            QuietFrom ?? defaults.QuietFrom, QuietUntil ?? defaults.QuietUntil,
            Templates is { Count: > 0 } templates ? [.. templates.Select(t => t with { Subject = t.Subject ?? "" })] : defaults.Templates);
    }
}
