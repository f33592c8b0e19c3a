namespace PtHub.Web.Endpoints;

/// <summary>Why a ticked checklist item is taken back (kept in the person's history).</summary>
public sealed record OnboardingUndoBody(string? Reason)
{
    public const int MaxReasonLength = 500;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > MaxReasonLength || Reason.Any(char.IsControl))
        {
            errors["reason"] = [$"reason (why the item is not done after all) is required, up to {MaxReasonLength} characters on one line."];
        }

        return errors;
    }
}
