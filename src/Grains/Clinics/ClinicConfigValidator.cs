using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>Checks a clinic configuration; each error names the field it is about, for RFC 7807 validation problems.</summary>
public static class ClinicConfigValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(ClinicConfig config)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.Length > 200)
        {
            Add("name", "A clinic needs a name of 1 to 200 characters.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(config.TimeZoneId ?? "", out _))
        {
            Add("timeZoneId", $"'{config.TimeZoneId}' is not a known time zone (use an IANA id such as America/Chicago).");
        }

        foreach (var day in (config.OpeningHours ?? []).GroupBy(h => h.Day).Where(g => g.Count() > 1))
        {
            Add("openingHours", $"{day.Key} is listed more than once.");
        }

        foreach (var hours in (config.OpeningHours ?? []).Where(h => h.Closes != TimeOnly.MinValue && h.Opens >= h.Closes))
        {
            Add("openingHours", $"On {hours.Day} the clinic closes ({hours.Closes}) before it opens ({hours.Opens}).");
        }

        CheckIds(config.Rooms?.Select(r => r.Id), "rooms", Add);
        foreach (var room in config.Rooms ?? [])
        {
            if (string.IsNullOrWhiteSpace(room.Name))
            {
                Add("rooms", $"Room '{room.Id}' needs a name.");
            }

            if (room.Capacity is < 1 or > 100)
            {
                Add("rooms", $"Room '{room.Id}' capacity must be between 1 and 100 (was {room.Capacity}).");
            }
        }

        CheckIds(config.Therapists?.Select(t => t.Id), "therapists", Add);
        foreach (var therapist in config.Therapists ?? [])
        {
            if (string.IsNullOrWhiteSpace(therapist.DisplayName))
            {
                Add("therapists", $"Therapist '{therapist.Id}' needs a display name.");
            }

            foreach (var span in (therapist.WorkingHours ?? []).Where(w => w.End != TimeOnly.MinValue && w.Start >= w.End))
            {
                Add("therapists", $"Therapist '{therapist.Id}' stops work on {span.Day} ({span.End}) before starting ({span.Start}).");
            }

            if (therapist.MaxConcurrentPatients is < 1 or > 10)
            {
                Add("therapists", $"Therapist '{therapist.Id}' may treat 1 to 10 patients at once (was {therapist.MaxConcurrentPatients}).");
            }
        }

        var alerts = config.Alerts;
        if (alerts is null || alerts.WaitingMinutes < 1 || alerts.RoomedWithoutTherapistMinutes < 1 || alerts.OverrunMinutes < 1)
        {
            Add("alerts", "Alert thresholds must be whole minutes of at least 1.");
        }

        if (config.LateCancelHours is < 0 or > 168)
        {
            Add("lateCancelHours", $"A late cancel is one within 0 to 168 hours of the visit (was {config.LateCancelHours}).");
        }

        if (config.NoShowGraceMinutes is < 0 or > 240)
        {
            Add("noShowGraceMinutes", $"The no-show grace is 0 to 240 minutes after the start (was {config.NoShowGraceMinutes}).");
        }

        foreach (var date in (config.ClosedDates ?? []).GroupBy(d => d).Where(g => g.Count() > 1))
        {
            Add("closedDates", $"{date.Key:yyyy-MM-dd} is listed more than once.");
        }

        if (config.ClosedDates is { Count: > 1000 })
        {
            Add("closedDates", "At most 1,000 closed dates.");
        }

        if (config.LobbyMessage is { Length: > 200 })
        {
            Add("lobbyMessage", "The lobby message has at most 200 characters.");
        }

        if (!Enum.IsDefined(config.LobbyNaming))
        {
            Add("lobbyNaming", "Use initials, first-name-last-initial or ticket.");
        }

        CheckIds(config.VisitTypes?.Select(t => t.Code), "visitTypes", Add);
        foreach (var type in (config.VisitTypes ?? []).Where(t => t.DefaultMinutes is < 5 or > 480))
        {
            Add("visitTypes", $"Visit type '{type.Code}' must last 5 to 480 minutes (was {type.DefaultMinutes}).");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>An id is a short token starting with a letter or digit: it goes into grain keys and URLs.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void CheckIds(IEnumerable<string>? ids, string field, Action<string, string> add)
    {
        var list = ids?.ToList() ?? [];
        foreach (var bad in list.Where(id => !IsValidId(id)))
        {
            add(field, $"'{bad}' is not a valid id (1-64 letters, digits, '-', '_' or '.', starting with a letter or digit).");
        }

        foreach (var dup in list.GroupBy(id => id).Where(g => g.Count() > 1))
        {
            add(field, $"'{dup.Key}' is used more than once.");
        }
    }
}
