using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>RFC 7807 answers for refused commands and invalid input.</summary>
internal static class Problems
{
    public static ProblemHttpResult From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        RefusalKind.Invalid => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Command not valid here"),
        _ => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status409Conflict, title: "Refused by the current state",
            extensions: refusal.Conflicts is { Count: > 0 } conflicts ? new Dictionary<string, object?> { ["conflicts"] = conflicts.ToArray() } : null),
    };

    public static ProblemHttpResult NotFound(string message) => From(Refusal.NotFound(message));

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields.");
}
