using PtHub.Grains.Contracts;

namespace PtHub.Grains.Scheduling;

/// <summary>
/// The booking rules of a clinic-day: the clinic is open, the therapist works then, neither the therapist's
/// overlap capacity nor the treatment space's capacity is exceeded at any instant of the visit, and the patient
/// is not booked twice at once. Pure: the clinic-day grain asks it with the day's visits.
/// </summary>
public static class ScheduleRules
{
    public static IReadOnlyList<string> Conflicts(ClinicConfig config, DateOnly date, IEnumerable<VisitSnapshot> dayVisits, ProposedVisit visit)
    {
        var conflicts = new List<string>();
        var therapist = config.FindTherapist(visit.TherapistId);
        if (therapist is null)
        {
            return [$"No therapist '{visit.TherapistId}'."];
        }

        if (!TimeSpans.Covered(OpenSpans(config, date), visit.Start, visit.End))
        {
            conflicts.Add($"{config.Name} is not open for all of {Span(config, visit)}.");
        }

        if (!TimeSpans.Covered(WorkingSpans(config, therapist, date), visit.Start, visit.End))
        {
            conflicts.Add($"{therapist.DisplayName} does not work all of {Span(config, visit)}.");
        }

        var others = dayVisits.Where(v => v.VisitId != visit.ReplacesVisitId && Occupies(v.Status)).ToList();
        var mine = others.Where(v => v.TherapistId == visit.TherapistId).Select(SpanOf);
        if (TimeSpans.PeakOverlap(mine, visit.Start, visit.End) + 1 > therapist.MaxConcurrentPatients)
        {
            conflicts.Add($"{therapist.DisplayName} already has {therapist.MaxConcurrentPatients} patient(s) booked during {Span(config, visit)}.");
        }

        if (visit.RoomId is { } roomId)
        {
            var room = config.FindRoom(roomId);
            if (room is null)
            {
                conflicts.Add($"No treatment space '{roomId}'.");
            }
            else if (room.OutOfService)
            {
                conflicts.Add($"{room.Name} is out of service.");
            }
            else if (TimeSpans.PeakOverlap(others.Where(v => v.PlannedRoomId == roomId).Select(SpanOf), visit.Start, visit.End) + 1 > room.Capacity)
            {
                conflicts.Add($"{room.Name} is fully booked ({room.Capacity} of {room.Capacity}) during {Span(config, visit)}.");
            }
        }

        if (visit.PatientId is { } patientId && others.Any(v => v.PatientId == patientId && TimeSpans.Overlap(v.ScheduledStart, End(v), visit.Start, visit.End)))
        {
            conflicts.Add($"The patient already has a visit during {Span(config, visit)}.");
        }

        return conflicts;
    }

    /// <summary>Free starts for a visit of <paramref name="minutes"/> with the therapist, every <paramref name="step"/> within opening hours.</summary>
    public static IEnumerable<DateTimeOffset> FreeStarts(ClinicConfig config, DateOnly date, IReadOnlyCollection<VisitSnapshot> dayVisits,
        string therapistId, int minutes, TimeSpan step, DateTimeOffset notBefore)
    {
        if (config.OpenOn(date) is not { } open)
        {
            yield break;
        }

        for (var start = open.Opens; start.AddMinutes(minutes) <= open.Closes; start += step)
        {
            if (start >= notBefore && Conflicts(config, date, dayVisits, new ProposedVisit(therapistId, start, minutes)).Count == 0)
            {
                yield return start;
            }
        }
    }

    /// <summary>A visit holds its booked time until it is over or will not happen.</summary>
    public static bool Occupies(VisitStatus status) => !status.IsClosed();

    /// <summary>The clinic's open spans around a date; a 24-hour clinic's days join at midnight.</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> OpenSpans(ClinicConfig config, DateOnly date) =>
        Around(date).Select(config.OpenOn).OfType<(DateTimeOffset, DateTimeOffset)>();

    public static IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> WorkingSpans(ClinicConfig config, TherapistProfile therapist, DateOnly date)
    {
        if (therapist.WorkingHours is not { Count: > 0 } hours)
        {
            return OpenSpans(config, date).Where(_ => therapist.TimeOff?.Contains(date) != true);
        }

        return Around(date)
            .Where(d => therapist.TimeOff?.Contains(d) != true && config.ClosedDates?.Contains(d) != true)
            .SelectMany(d => hours.Where(h => h.Day == d.DayOfWeek).Select(h => (config.Instant(d, h.Start), config.EndInstant(d, h.End))));
    }

    private static IEnumerable<DateOnly> Around(DateOnly date) => [date.AddDays(-1), date, date.AddDays(1)];

    private static (DateTimeOffset, DateTimeOffset) SpanOf(VisitSnapshot v) => (v.ScheduledStart, End(v));

    private static DateTimeOffset End(VisitSnapshot v) => v.ScheduledStart.AddMinutes(v.DurationMinutes);

    private static string Span(ClinicConfig config, ProposedVisit visit)
    {
        var zone = config.TimeZone;
        return $"{TimeZoneInfo.ConvertTime(visit.Start, zone):HH:mm}-{TimeZoneInfo.ConvertTime(visit.End, zone):HH:mm}";
    }
}
