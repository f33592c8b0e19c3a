using System.Globalization;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// Which reminders a visit should have now: one per lead time, due that long before the start in the clinic's time
/// zone, moved out of quiet hours, and none whose time has already passed (a booking inside the lead time gets no
/// stale reminder). Whole days of a lead time are counted on the clinic's calendar, so "48 h before Monday 10:00" is
/// Saturday 10:00 across a daylight-saving change; the rest is elapsed time. Only a booked visit has reminders.
/// </summary>
public static class ReminderPlanner
{
    public const string KeyPrefix = "reminder";

    /// <summary>What the visit's reminders depend on: when it changes, they are planned again.</summary>
    public static string Signature(VisitSnapshot visit) =>
        visit.Status == VisitStatus.Booked ? string.Create(CultureInfo.InvariantCulture, $"{visit.ScheduledStart.ToUnixTimeSeconds()}|{visit.TherapistId}") : "none";

    public static IReadOnlyList<OutboxMessage> Plan(VisitSnapshot visit, ClinicConfig clinic, MessagingSettings settings,
        MessageChannel channel, DateTimeOffset now, string causedBy)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(settings);
        if (visit.Status != VisitStatus.Booked || !settings.RemindersEnabled || visit.ScheduledStart <= now)
        {
            return [];
        }

        var zone = clinic.TimeZone;
        var localStart = TimeZoneInfo.ConvertTime(visit.ScheduledStart, zone);
        var data = new Dictionary<string, string>
        {
            [MessageTemplates.Clinic] = clinic.Name,
            [MessageTemplates.Date] = DateText(localStart),
            [MessageTemplates.Time] = TimeText(localStart),
            [MessageTemplates.Therapist] = clinic.FindTherapist(visit.TherapistId)?.DisplayName ?? "your therapist",
        };
        var planned = new List<OutboxMessage>();
        foreach (var lead in settings.ReminderLeadTimes.Distinct().OrderByDescending(l => l))
        {
            if (DueAt(visit.ScheduledStart, lead, clinic, settings) is not { } due || due <= now)
            {
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture,
                $"{KeyPrefix}|{visit.VisitId}|{(long)lead.TotalMinutes}|{visit.ScheduledStart.ToUnixTimeSeconds()}");
            planned.Add(new OutboxMessage(key, visit.ClinicId, visit.PatientId, visit.VisitId, channel, MessagingSettings.ReminderTemplate, data,
                due, visit.ScheduledStart, OutboxStatus.Pending, 0, due, null, null, now, null,
                string.Create(CultureInfo.InvariantCulture, $"reminder {lead.TotalHours:0.##} h before; {causedBy}")));
        }

        return planned;
    }

    /// <summary>A date as messages and the patient's link page write it ("Tuesday, December 8"), of a clinic-local time.</summary>
    public static string DateText(DateTimeOffset local) => local.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);

    /// <summary>A time of day as messages and the patient's link page write it ("2:30 PM").</summary>
    public static string TimeText(DateTimeOffset local) => local.ToString("h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>When a reminder <paramref name="lead"/> before <paramref name="start"/> goes out, out of quiet hours; null if never.</summary>
    public static DateTimeOffset? DueAt(DateTimeOffset start, TimeSpan lead, ClinicConfig clinic, MessagingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(settings);
        var zone = clinic.TimeZone;
        var localStart = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var wholeDays = (int)lead.TotalDays;
        var local = localStart.AddDays(-wholeDays);
        var due = Resolve(local, zone) - (lead - TimeSpan.FromDays(wholeDays));
        var dueLocal = TimeZoneInfo.ConvertTime(due, zone).DateTime;
        if (!settings.IsQuiet(TimeOnly.FromDateTime(dueLocal)))
        {
            return due;
        }

        // Inside quiet hours: the morning they end, if that is still before the visit; else the evening they began.
        var until = DateOnly.FromDateTime(dueLocal).ToDateTime(settings.QuietUntil);
        if (until <= dueLocal)
        {
            until = until.AddDays(1);
        }

        var later = Resolve(until, zone);
        if (later < start)
        {
            return later;
        }

        var from = DateOnly.FromDateTime(dueLocal).ToDateTime(settings.QuietFrom);
        if (from > dueLocal)
        {
            from = from.AddDays(-1);
        }

        return Resolve(from, zone) - TimeSpan.FromMinutes(1);
    }

    /// <summary>The instant of a clinic wall-clock time; a time the spring change skips is taken an hour later.</summary>
    private static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
