using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// Builds the lobby wall's view. Only what HHS allows a waiting room to show goes in: a label by the clinic's
/// naming mode, the therapist's display name, being seen or waiting, and the estimated wait. Pure.
/// </summary>
public static class LobbyProjection
{
    public const string BeingSeen = "being-seen";

    public const string Waiting = "waiting";

    public static LobbyView Build(DayData day, IReadOnlyDictionary<string, int> estimates, IReadOnlyDictionary<string, int> nextWaits,
        long version, DateTimeOffset now)
    {
        var config = day.Config;
        var therapists = config.Therapists.Select(t =>
        {
            var mine = day.Visits.Values.Where(v => v.TherapistId == t.Id).OrderBy(v => v.ScheduledStart).ThenBy(v => v.VisitId, StringComparer.Ordinal);
            var seeing = mine.Where(v => v.Status == VisitStatus.InTreatment)
                .Select(v => new LobbyEntry(Label(day, v), BeingSeen, null, Ticket(day, v))).ToValueList();
            var waiting = mine.Where(v => v.Status is VisitStatus.Arrived or VisitStatus.CheckedIn)
                .OrderBy(v => estimates.GetValueOrDefault(v.VisitId))
                .Select(v => new LobbyEntry(Label(day, v), Waiting, estimates.GetValueOrDefault(v.VisitId), Ticket(day, v))).ToValueList();
            return new LobbyTherapist(t.DisplayName, seeing, waiting, nextWaits.GetValueOrDefault(t.Id), day.LateMinutes(t.Id));
        }).ToValueList();
        return new LobbyView(day.ClinicId, day.Date, version, config.Name, config.LobbyMessage, therapists, now, config.TimeZoneId);
    }

    /// <summary>The ticket beside a name label, so a patient can match the desk's call; none when the label is the ticket.</summary>
    private static int? Ticket(DayData day, VisitSnapshot visit) =>
        day.Config.LobbyNaming != LobbyNamingMode.TicketNumber && day.Tickets.TryGetValue(visit.VisitId, out var ticket) ? ticket : null;

    /// <summary>How the lobby names a patient: never more than a first name and an initial.</summary>
    public static string Label(DayData day, VisitSnapshot visit)
    {
        var ticket = day.Tickets.GetValueOrDefault(visit.VisitId);
        var patient = day.Patients.GetValueOrDefault(visit.PatientId)?.Details;
        return day.Config.LobbyNaming switch
        {
            LobbyNamingMode.TicketNumber => $"#{ticket}",
            _ when patient is null => $"#{ticket}",
            LobbyNamingMode.FirstNameLastInitial => $"{patient.FirstName.Trim()} {Initial(patient.LastName)}.",
            _ => $"{Initial(patient.FirstName)}. {Initial(patient.LastName)}.",
        };
    }

    private static string Initial(string name) => name.Trim() is { Length: > 0 } n ? char.ToUpperInvariant(n[0]).ToString() : "?";
}
