using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A training: its type, when it was completed (not after today) and when it is next due. Without <c>dueOn</c> it is due
/// the type's interval after the completion (annual HIPAA: a year later).
/// </summary>
public sealed record TrainingBody(string? Type, DateOnly? CompletedOn, DateOnly? DueOn)
{
    public Dictionary<string, string[]> Validate(StaffSettings settings, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Type) || settings.FindTrainingType(Type.Trim()) is null)
        {
            errors["type"] = [$"type must be one of {string.Join(", ", settings.TrainingTypes.Select(t => t.Code))}."];
        }

        if (CompletedOn > today)
        {
            errors["completedOn"] = ["completedOn is not after today."];
        }

        if (CompletedOn is null && DueOn is null)
        {
            errors["dueOn"] = ["dueOn is required when the training is not completed yet."];
        }
        else if (DueOn < CompletedOn)
        {
            errors["dueOn"] = ["dueOn is not before completedOn."];
        }

        return errors;
    }

    public TrainingSpec ToSpec(StaffSettings settings) =>
        new(Type!.Trim(), CompletedOn, DueOn ?? CompletedOn!.Value.AddMonths(settings.FindTrainingType(Type.Trim())!.IntervalMonths));
}
