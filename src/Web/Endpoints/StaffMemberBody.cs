using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A person on the roster as a manager sets them. <c>therapistId</c> links one of the clinic's therapists (their
/// working hours, kept in the clinic's setup, are what the schedule books against); <c>userId</c> links the account
/// they sign in with, so they can read their own credentials and training.
/// </summary>
public sealed record StaffMemberBody(string? Name, string? JobRole, DateOnly? EmploymentStart, string? Email, string? Phone, string? UserId, string? TherapistId)
{
    public Dictionary<string, string[]> Validate(ClinicConfig config)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            errors["name"] = ["name is required, at most 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(JobRole) || JobRole.Trim().Length > 60)
        {
            errors["jobRole"] = ["jobRole is required (e.g. PT, PTA, aide, front desk), at most 60 characters."];
        }

        if (EmploymentStart is null)
        {
            errors["employmentStart"] = ["employmentStart is required (yyyy-MM-dd)."];
        }

        if (!string.IsNullOrWhiteSpace(Email) && (Email.Trim().Length > 200 || !Email.Contains('@', StringComparison.Ordinal)))
        {
            errors["email"] = ["email must be an address like name@example.org."];
        }

        if (Phone is { Length: > 40 })
        {
            errors["phone"] = ["phone is at most 40 characters."];
        }

        if (!string.IsNullOrWhiteSpace(TherapistId) && config.FindTherapist(TherapistId.Trim()) is null)
        {
            errors["therapistId"] = [$"therapistId must be one of {string.Join(", ", config.Therapists.Select(t => t.Id))}."];
        }

        return errors;
    }

    public StaffMemberSpec ToSpec() =>
        new(Name!.Trim(), JobRole!.Trim(), EmploymentStart!.Value, Blank(Email), Blank(Phone), Blank(UserId)?.ToLowerInvariant(), Blank(TherapistId));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
