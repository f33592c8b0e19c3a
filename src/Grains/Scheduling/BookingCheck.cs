using PtHub.Grains.Contracts;

namespace PtHub.Grains.Scheduling;

/// <summary>What a booking or a reschedule must pass before a visit is told: the ids, the day, and the schedule rules. Pure.</summary>
public static class BookingCheck
{
    public static Refusal? Request(ClinicConfig config, DateOnly date, BookVisitRequest request, PatientRecord? patient, string clinicId)
    {
        if (config.FindTherapist(request.TherapistId) is null)
        {
            return Refusal.NotFound($"No therapist '{request.TherapistId}' in {config.Name}.");
        }

        if (config.FindVisitType(request.VisitTypeCode) is null)
        {
            return Refusal.Invalid($"Unknown visit type '{request.VisitTypeCode}'; {config.Name} offers {string.Join(", ", config.VisitTypes.Select(t => t.Code))}.");
        }

        if (request.DurationMinutes is < 5 or > 480)
        {
            return Refusal.Invalid("A visit lasts 5 to 480 minutes.");
        }

        var localDate = config.LocalDate(request.ScheduledStart);
        if (localDate != date)
        {
            return Refusal.Invalid($"The visit starts on {localDate:yyyy-MM-dd} in the clinic's time zone, not on {date:yyyy-MM-dd}.");
        }

        return patient is null || patient.Details.ClinicId != clinicId
            ? Refusal.NotFound($"No patient '{request.PatientId}' in {config.Name}.")
            : null;
    }

    /// <summary>
    /// The schedule rules for a proposed visit, plus what the roster says of the therapist that day (a licence expired:
    /// <paramref name="licenceConflict"/>): a refusal listing the conflicts, or, when the front desk overrides, the
    /// note to record on the visit (null when nothing conflicted).
    /// </summary>
    public static (Refusal? Refusal, string? Note) Schedule(ClinicConfig config, DateOnly date, IEnumerable<VisitSnapshot> dayVisits,
        ProposedVisit visit, string? overrideReason, string? licenceConflict = null)
    {
        var conflicts = ScheduleRules.Conflicts(config, date, dayVisits, visit);
        if (licenceConflict is not null)
        {
            conflicts = [.. conflicts, licenceConflict];
        }

        return Decide(conflicts, overrideReason);
    }

    /// <summary>
    /// A walk-in is booked for now wherever the schedule stands, so only the therapist's licence can conflict; it is
    /// refused, or overridden with a reason, like a booking.
    /// </summary>
    public static (Refusal? Refusal, string? Note) WalkIn(string? overrideReason, string? licenceConflict) =>
        Decide(licenceConflict is null ? [] : [licenceConflict], overrideReason);

    private static (Refusal? Refusal, string? Note) Decide(IReadOnlyList<string> conflicts, string? overrideReason)
    {
        if (conflicts.Count == 0)
        {
            return (null, null);
        }

        return string.IsNullOrWhiteSpace(overrideReason)
            ? (new Refusal(RefusalKind.Conflict, $"Conflicts with the schedule: {string.Join(" ", conflicts)}", conflicts.ToValueList()), null)
            : (null, $"override: {overrideReason.Trim()} (despite: {string.Join(" ", conflicts)})");
    }
}
