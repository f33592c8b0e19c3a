using System.Text.RegularExpressions;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's staff settings, all of them (a PUT replaces them): credential types, training types (HIPAA stays:
/// every workforce member must have it) and the alert lead times in days.
/// </summary>
public sealed partial record StaffSettingsBody(IReadOnlyList<CredentialType?>? CredentialTypes, IReadOnlyList<TrainingType?>? TrainingTypes, IReadOnlyList<int>? LeadDays)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (LeadDays is not { Count: >= 1 and <= 6 } leads || leads.Any(d => d is < 0 or > 365) || leads.Distinct().Count() != leads.Count)
        {
            errors["leadDays"] = ["leadDays: 1 to 6 different lead times, each 0 to 365 days."];
        }

        if (CredentialTypes is not { Count: >= 1 and <= 30 } credentials || credentials.Any(t => t is null || !Valid(t.Code, t.Name))
            || credentials.DistinctBy(t => t!.Code).Count() != credentials.Count)
        {
            errors["credentialTypes"] = ["credentialTypes: 1 to 30 types, each a distinct code (a-z, 0-9, -) and a name of at most 60 characters."];
        }

        if (TrainingTypes is not { Count: >= 1 and <= 30 } trainings || trainings.Any(t => t is null || !Valid(t.Code, t.Name) || t.IntervalMonths is < 1 or > 120)
            || trainings.DistinctBy(t => t!.Code).Count() != trainings.Count)
        {
            errors["trainingTypes"] = ["trainingTypes: 1 to 30 types, each a distinct code (a-z, 0-9, -), a name of at most 60 characters and intervalMonths 1 to 120."];
        }
        else if (trainings.All(t => t!.Code != StaffSettings.HipaaTraining))
        {
            errors["trainingTypes"] = ["trainingTypes must keep hipaa: HIPAA training is required of every workforce member."];
        }

        return errors;
    }

    public StaffSettings ToSettings() =>
        new([.. CredentialTypes!.Select(t => t! with { Name = t.Name.Trim() })], [.. TrainingTypes!.Select(t => t! with { Name = t.Name.Trim() })],
            [.. LeadDays!.OrderDescending()]);

    private static bool Valid(string? code, string? name) =>
        code is not null && CodePattern().IsMatch(code) && !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 60;

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex CodePattern();
}
