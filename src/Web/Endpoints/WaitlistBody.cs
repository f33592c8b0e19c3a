using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>Put a patient on the waitlist. Omitted preferences mean "any"; priority 1 is the most urgent (default 3).</summary>
public sealed record WaitlistBody(
    string? PatientId,
    string? VisitType,
    string? TherapistId,
    IReadOnlyList<DayOfWeek>? Days,
    TimeOnly? Earliest,
    TimeOnly? Latest,
    int? Priority)
{
    public IReadOnlyDictionary<string, string[]> Validate(ClinicConfig config)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(PatientId))
        {
            errors["patientId"] = ["patientId is required."];
        }

        if (VisitType is null || config.FindVisitType(VisitType) is null)
        {
            errors["visitType"] = [$"visitType must be one of {string.Join(", ", config.VisitTypes.Select(t => t.Code))}."];
        }

        if (TherapistId is not null && config.FindTherapist(TherapistId) is null)
        {
            errors["therapistId"] = [$"No therapist '{TherapistId}'."];
        }

        if (Priority is < 1 or > 5)
        {
            errors["priority"] = ["priority is 1 (most urgent) to 5."];
        }

        if (Earliest is { } from && Latest is { } until && until < from)
        {
            errors["latest"] = ["latest is not before earliest."];
        }

        return errors;
    }

    public WaitlistEntry ToEntry() => new("", PatientId!.Trim(), VisitType!, TherapistId, (Days ?? []).Distinct().ToValueList(),
        Earliest, Latest, Priority ?? 3, default);
}
