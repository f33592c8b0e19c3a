using System.Text.RegularExpressions;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's own procedure code: the code (4 to 7 letters and digits), timed or not, evaluation or not, a description and the discipline.</summary>
public sealed partial record BillingCodeBody(string? Code, bool? Timed, bool? Evaluation, string? Description, string? Discipline)
{
    public static readonly string[] Disciplines = ["PT", "OT", "SLP", "Other"];

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Code is null || !CodePattern().IsMatch(Code.Trim()))
        {
            errors["code"] = ["code is 4 to 7 letters and digits (e.g. 97165, G0152)."];
        }

        if (Timed is null)
        {
            errors["timed"] = ["timed is required: true for 15-minute units, false for one unit a day."];
        }

        if (Evaluation is null)
        {
            errors["evaluation"] = ["evaluation is required: true for an evaluation, false for a treatment."];
        }

        if (string.IsNullOrWhiteSpace(Description) || Description.Trim().Length > 120)
        {
            errors["description"] = ["description is required, at most 120 characters."];
        }

        if (Discipline is null || !Disciplines.Contains(Discipline.Trim()))
        {
            errors["discipline"] = [$"discipline is one of {string.Join(", ", Disciplines)}."];
        }

        return errors;
    }

    public BillingCode ToCode() => new(Code!.Trim().ToUpperInvariant(), Timed!.Value, Evaluation!.Value, Description!.Trim(), Discipline!.Trim(), BuiltIn: false);

    [GeneratedRegex("^[A-Za-z0-9]{4,7}$")]
    private static partial Regex CodePattern();
}
