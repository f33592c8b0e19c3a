using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// An injury or illness case as a manager enters it. The outcome is the most serious one (as OSHA classifies), so the
/// days must agree with it: days away only with death or days away, days restricted without days away only with a
/// job transfer or restriction, neither with an other recordable case. OSHA caps either count at 180 days. The case type
/// (injury or which kind of illness) is required; <c>staffId</c>, when given, must be someone on the clinic's roster.
/// </summary>
public sealed record InjuryCaseBody(
    DateOnly? Date, string? Person, string? JobTitle, string? Where, string? Description, InjuryOutcome? Outcome, int? DaysAway, int? DaysRestricted,
    InjuryCaseType? CaseType, bool? PrivacyCase, string? StaffId)
{
    public const int MaxDays = 180;
    public const int MaxPersonLength = 200;
    public const int MaxDescriptionLength = 2000;

    public Dictionary<string, string[]> Validate(DateOnly today, IReadOnlyCollection<StaffMember> roster)
    {
        var errors = new Dictionary<string, string[]>();
        if (CaseType is not { } type || !Enum.IsDefined(type))
        {
            errors["caseType"] = ["caseType is Injury, SkinDisorder, RespiratoryCondition, Poisoning, HearingLoss or AllOtherIllnesses."];
        }

        if (!string.IsNullOrEmpty(StaffId) && roster.All(m => m.StaffId != StaffId))
        {
            errors["staffId"] = ["staffId is someone on the clinic's roster (or left out for someone who is not)."];
        }

        if (Date is not { } date || date > today)
        {
            errors["date"] = ["date (of the injury or the onset of the illness) is required and not after today."];
        }

        if (string.IsNullOrWhiteSpace(Person) || Person.Trim().Length > MaxPersonLength)
        {
            errors["person"] = [$"person (the employee's name) is required, up to {MaxPersonLength} characters."];
        }

        if (JobTitle?.Trim().Length > MaxPersonLength)
        {
            errors["jobTitle"] = [$"jobTitle is up to {MaxPersonLength} characters."];
        }

        if (Where?.Trim().Length > MaxPersonLength)
        {
            errors["where"] = [$"where is up to {MaxPersonLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(Description) || Description.Trim().Length > MaxDescriptionLength)
        {
            errors["description"] = [$"description (the injury or illness, the body part, what caused it) is required, up to {MaxDescriptionLength} characters."];
        }

        var away = DaysAway ?? 0;
        var restricted = DaysRestricted ?? 0;
        if (away is < 0 or > MaxDays)
        {
            errors["daysAway"] = [$"daysAway is a whole number from 0 to {MaxDays}."];
        }

        if (restricted is < 0 or > MaxDays)
        {
            errors["daysRestricted"] = [$"daysRestricted is a whole number from 0 to {MaxDays}."];
        }

        if (Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors["outcome"] = ["outcome is Death, DaysAway, JobTransferOrRestriction or OtherRecordable."];
        }
        else if (!errors.ContainsKey("daysAway") && !errors.ContainsKey("daysRestricted") && Disagreement(outcome, away, restricted) is { } why)
        {
            errors["outcome"] = [why];
        }

        return errors;
    }

    public InjuryCaseSpec ToSpec() =>
        new(Date!.Value, Person!.Trim(), Blank(JobTitle), Blank(Where), Description!.Trim(), Outcome!.Value, DaysAway ?? 0, DaysRestricted ?? 0,
            CaseType!.Value, PrivacyCase ?? false, string.IsNullOrEmpty(StaffId) ? null : StaffId);

    private static string? Disagreement(InjuryOutcome outcome, int away, int restricted) => outcome switch
    {
        InjuryOutcome.DaysAway when away == 0 => "A days-away case has at least 1 day away (daysAway).",
        InjuryOutcome.JobTransferOrRestriction when away > 0 => "With days away the case is a days-away case (its most serious outcome).",
        InjuryOutcome.JobTransferOrRestriction when restricted == 0 => "A job transfer or restriction case has at least 1 day restricted (daysRestricted).",
        InjuryOutcome.OtherRecordable when away > 0 || restricted > 0 => "With days away or restricted the case is not an other recordable case.",
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
