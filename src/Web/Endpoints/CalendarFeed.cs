using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A therapist's visits as an iCalendar (RFC 5545) document. The feed ends up on phones and in third-party
/// calendar services, so a visit names its patient by initials only: the minimum needed to recognize it.
/// </summary>
internal static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Visits that will not (or did not) take place stay off the calendar; left-unseen is FHIR "cancelled" too.</summary>
    public static bool Lists(VisitStatus status) =>
        status.FhirAppointmentStatus() is not ("cancelled" or "noshow" or "entered-in-error");

    public static string Write(string name, IEnumerable<BoardRow> visits, IReadOnlyDictionary<string, PatientDetails> patients,
        DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//PtHub//Therapist calendar//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var visit in visits)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.VisitId}@pthub",
                DtStamp = Utc(now),
                Start = Utc(visit.ScheduledStart),
                End = Utc(visit.ScheduledStart.AddMinutes(visit.DurationMinutes)),
                Summary = patients.TryGetValue(visit.PatientId, out var patient)
                    ? $"{visit.VisitType} – {Initials(patient)}"
                    : visit.VisitType,
                Location = visit.RoomName,
                Status = EventStatus.Confirmed,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("The iCalendar serializer wrote nothing.");
    }

    public static string Initials(PatientDetails patient) => $"{Initial(patient.FirstName)}. {Initial(patient.LastName)}.";

    private static string Initial(string name) => name.Trim() is { Length: > 0 } n ? char.ToUpperInvariant(n[0]).ToString() : "?";

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId, true);
}
