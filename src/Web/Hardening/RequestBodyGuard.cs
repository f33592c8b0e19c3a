using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Hardening;

/// <summary>
/// Refuses a body before any endpoint runs: one whose declared length is over the limit (413; Kestrel stops a longer
/// chunked one while it is read), and one sent with a command under /api that reads no body (415). Without the
/// latter a command such as "progress report written" would run whatever a client believed it was sending with it.
/// An endpoint that reads its body by hand declares it with <c>.Accepts&lt;T&gt;(contentType)</c>.
/// </summary>
internal sealed class RequestBodyGuard(RequestDelegate next, IOptions<HardeningOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            // The unread body is still on its way; without this the client would send its next request after it.
            context.Response.Headers.Connection = "close";
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"A request body may have at most {limit} bytes.");
            return;
        }

        if (IsCommand(request) && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null
            && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "This command takes no request body.",
                "Send it without a body.");
            return;
        }

        await next(context);
    }

    private static bool IsCommand(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
