using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>An account as an administrator creates or changes it (the password is generated, never chosen here).</summary>
public sealed record StaffUserBody(
    string? UserName, string? DisplayName, StaffRole? Role, IReadOnlyList<string>? ClinicIds, string? TherapistId, bool? Disabled)
{
    public Dictionary<string, string[]> Validate(bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && (string.IsNullOrWhiteSpace(UserName) || UserName.Length > 64
            || !UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-')))
        {
            errors["userName"] = ["A user name of 1 to 64 letters, digits, '.', '_', '@' or '-' is required."];
        }

        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 100)
        {
            errors["displayName"] = ["A display name of 1 to 100 characters is required."];
        }

        if (Role is null)
        {
            errors["role"] = ["A role is required: Admin, Manager, FrontDesk or Therapist."];
        }

        var clinics = ClinicIds ?? [];
        if (Role is not null and not StaffRole.Admin && clinics.Count == 0)
        {
            errors["clinicIds"] = ["Staff other than administrators belong to at least one clinic."];
        }

        if (clinics.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 64 || c.Contains(GrainKeys.Separator, StringComparison.Ordinal)) || clinics.Count > 500)
        {
            errors["clinicIds"] = ["Clinic ids are 1 to 64 characters without '|', at most 500 of them."];
        }

        if (Role == StaffRole.Therapist && (clinics.Count != 1 || string.IsNullOrWhiteSpace(TherapistId)))
        {
            errors["therapistId"] = ["A therapist account belongs to exactly one clinic and names its therapist id."];
        }

        if (Role != StaffRole.Therapist && TherapistId is not null)
        {
            errors["therapistId"] = ["Only therapist accounts name a therapist."];
        }

        return errors;
    }
}
