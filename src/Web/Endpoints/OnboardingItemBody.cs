namespace PtHub.Web.Endpoints;

/// <summary>A checklist item as a manager names it; <c>retired</c> (on a change only) takes it off everyone's checklist.</summary>
public sealed record OnboardingItemBody(string? Name, bool? Retired)
{
    public const int MaxNameLength = 80;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsValidName(Name?.Trim()))
        {
            errors["name"] = [$"name (what is to be done, e.g. \"Keys / badge issued\") is required: up to {MaxNameLength} characters of plain text, "
                + "starting with a letter or digit."];
        }

        return errors;
    }

    /// <summary>A name people read on everyone's checklist: plain text, no control, markup or direction-changing characters.</summary>
    private static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && char.IsLetterOrDigit(name[0])
        && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ',' or '\'' or '(' or ')' or '#' or '&' or '/' or '+' or ':');
}
