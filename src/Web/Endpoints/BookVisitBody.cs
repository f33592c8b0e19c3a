namespace PtHub.Web.Endpoints;

/// <summary>
/// Book a visit. <c>scheduledStart</c> is omitted for a walk-in, who is booked for now and arrives at once.
/// <c>roomId</c> plans a treatment space; <c>overrideReason</c> books despite conflicts (recorded on the visit).
/// <c>planId</c> names the patient's plan of care the visit belongs to; without it the visit takes the patient's plan
/// covering its date, if any.
/// </summary>
public sealed record BookVisitBody(
    string? PatientId,
    string? TherapistId,
    string? VisitType,
    DateTimeOffset? ScheduledStart,
    int? DurationMinutes,
    Guid? CommandId,
    string? RoomId = null,
    string? OverrideReason = null,
    string? PlanId = null)
{
    public IReadOnlyDictionary<string, string[]> Validate(bool walkIn, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(PatientId))
        {
            errors["patientId"] = ["patientId is required."];
        }

        if (string.IsNullOrWhiteSpace(TherapistId))
        {
            errors["therapistId"] = ["therapistId is required."];
        }

        if (string.IsNullOrWhiteSpace(VisitType))
        {
            errors["visitType"] = ["visitType is required (e.g. follow-up)."];
        }

        if (!walkIn && ScheduledStart is null)
        {
            errors["scheduledStart"] = ["scheduledStart is required (ISO 8601 with offset)."];
        }
        else if (!walkIn && !DateWindow.Contains(ScheduledStart!.Value, now))
        {
            errors["scheduledStart"] = [DateWindow.Message("scheduledStart")];
        }

        if (DurationMinutes is < 5 or > 480)
        {
            errors["durationMinutes"] = ["durationMinutes must be between 5 and 480."];
        }

        return errors;
    }
}
