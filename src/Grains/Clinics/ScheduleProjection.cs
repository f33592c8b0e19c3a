using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;
using PtHub.Grains.Visits;

namespace PtHub.Grains.Clinics;

/// <summary>Builds the schedule's frame and entries from the clinic's configuration and the day's visits. Pure.</summary>
public static class ScheduleProjection
{
    public static ScheduleFrame Frame(ClinicConfig config, DateOnly date)
    {
        var open = config.OpenOn(date) is { } hours ? new[] { new ScheduleSpan(hours.Opens, hours.Closes) } : [];
        var dayStart = config.Instant(date, TimeOnly.MinValue);
        var dayEnd = config.Instant(date.AddDays(1), TimeOnly.MinValue);
        var therapists = config.Therapists.Select(t =>
        {
            // Working spans of the days around are clipped to this date, so a night shift shows its part of the day.
            var working = ScheduleRules.WorkingSpans(config, t, date)
                .Select(s => (From: s.From < dayStart ? dayStart : s.From, Until: s.Until > dayEnd ? dayEnd : s.Until))
                .Where(s => s.From < s.Until)
                .OrderBy(s => s.From)
                .Select(s => new ScheduleSpan(s.From, s.Until))
                .ToValueList();
            return new ScheduleTherapist(t.Id, t.DisplayName, working, t.TimeOff?.Contains(date) == true || working.Count == 0);
        }).ToValueList();
        var spaces = config.Rooms.Select(r => new ScheduleSpace(r.Id, r.Name, r.Kind, r.Capacity, r.OutOfService)).ToValueList();
        return new ScheduleFrame(config.Name, config.TimeZoneId, open, therapists, spaces, dayStart);
    }

    public static ScheduleEntry Entry(VisitSnapshot visit, PatientRecord? patient, ClinicConfig config, DateTimeOffset now)
    {
        var (actions, cancelIsLate) = DeskActions.For(visit, now, TimeSpan.FromHours(config.LateCancelHours), TimeSpan.FromMinutes(config.NoShowGraceMinutes));
        if (DeskActions.CanReschedule(visit))
        {
            actions = actions.Append(DeskActions.Reschedule).ToValueList();
        }

        return new ScheduleEntry(
            visit.VisitId, visit.PatientId,
            patient is null ? "(unknown patient)" : $"{patient.Details.LastName}, {patient.Details.FirstName}",
            visit.TherapistId, visit.RoomId ?? visit.PlannedRoomId, visit.VisitTypeCode,
            config.FindVisitType(visit.VisitTypeCode)?.Name ?? visit.VisitTypeCode,
            visit.ScheduledStart, visit.DurationMinutes, visit.Status, visit.WalkIn, actions, cancelIsLate,
            visit.Status == VisitStatus.Booked ? visit.ConfirmedAt : null);
    }
}
