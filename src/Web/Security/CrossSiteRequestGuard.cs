namespace PtHub.Web.Security;

/// <summary>
/// Anti-forgery for cookie-authenticated changes: a state-changing request that a browser says comes from another
/// site (Sec-Fetch-Site) or another origin (Origin) is refused before it reaches an endpoint. PtHub has no
/// server-rendered forms; its pages send JSON from the same origin, which passes.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || IsSameSite(context.Request))
        {
            return next(context);
        }

        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
            detail: "A change to PtHub must come from a PtHub page.").ExecuteAsync(context);
    }

    private static bool IsSameSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is "cross-site" or "same-site")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
