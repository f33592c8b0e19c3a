using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Malformed JSON, a wrong type or an unparsable route or query value reaches here as a
/// <see cref="BadHttpRequestException"/>; the client gets a problem with its status (400, or 413 for a body over the
/// limit) saying what could not be read. A field the request type does not know (types marked
/// <c>JsonUnmappedMemberHandling.Disallow</c>) is a validation problem naming that field where it is in the body.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.InnerException is JsonException json && UnknownField(json) is { } field)
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field] = [$"'{field}' is not a field of this request; nothing was changed. Check its spelling (fields are camelCase)."],
                })
                {
                    Status = bad.StatusCode,
                    Title = "The request has an unknown field.",
                    Detail = $"Unknown field '{field}'.",
                },
            });
        }

        var detail = bad.InnerException is JsonException readError
            ? $"{bad.Message} {readError.Message}"
            : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                Detail = detail,
            },
        });
    }

    /// <summary>
    /// The body path of a property System.Text.Json could not map ("rooms[0].colour"). The serializer has no exception
    /// type of its own for it, only its message, so the message is matched and the path (which it always sets) is named.
    /// </summary>
    private static string? UnknownField(JsonException json)
    {
        if (UnmappedProperty().Match(json.Message) is not { Success: true } match)
        {
            return null;
        }

        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : json.Path;
        return string.IsNullOrEmpty(path) || path == "$" ? match.Groups["name"].Value : path;
    }

    [GeneratedRegex("^The JSON property '(?<name>.*)' could not be mapped to any \\.NET member", RegexOptions.Singleline)]
    private static partial Regex UnmappedProperty();
}
