using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>Book a plan of care: <c>visitsPerWeek</c> for <c>weeks</c> from <c>startDate</c>, on preferred days at a preferred local time.</summary>
public sealed record PlanOfCareBody(
    string? TherapistId,
    string? VisitType,
    int? VisitsPerWeek,
    int? Weeks,
    DateOnly? StartDate,
    IReadOnlyList<DayOfWeek>? PreferredDays,
    TimeOnly? PreferredTime,
    string? RoomId)
{
    public IReadOnlyDictionary<string, string[]> Validate(ClinicConfig config, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (TherapistId is null || config.FindTherapist(TherapistId) is null)
        {
            errors["therapistId"] = [$"therapistId must be one of {string.Join(", ", config.Therapists.Select(t => t.Id))}."];
        }

        if (VisitType is null || config.FindVisitType(VisitType) is null)
        {
            errors["visitType"] = [$"visitType must be one of {string.Join(", ", config.VisitTypes.Select(t => t.Code))}."];
        }

        if (VisitsPerWeek is not (>= 1 and <= 7))
        {
            errors["visitsPerWeek"] = ["visitsPerWeek is 1 to 7."];
        }

        if (Weeks is not (>= 1 and <= 26))
        {
            errors["weeks"] = ["weeks is 1 to 26."];
        }

        if (StartDate is not { } start)
        {
            errors["startDate"] = ["startDate (yyyy-MM-dd) is required."];
        }
        else if (!DateWindow.Contains(start, now))
        {
            errors["startDate"] = [DateWindow.Message("startDate")];
        }

        if (PreferredTime is null)
        {
            errors["preferredTime"] = ["preferredTime (HH:mm:ss, clinic time) is required."];
        }

        if (RoomId is not null && config.FindRoom(RoomId) is null)
        {
            errors["roomId"] = [$"No treatment space '{RoomId}'."];
        }

        return errors;
    }

    public PlanOfCareRequest ToRequest(string actor) => new(TherapistId!, VisitType!, VisitsPerWeek!.Value, Weeks!.Value, StartDate!.Value,
        (PreferredDays ?? []).Distinct().ToValueList(), PreferredTime!.Value, RoomId, actor);
}
