namespace PtHub.Web.Security;

/// <summary>
/// Anti-forgery for cookie-authenticated changes: a state-changing request that a browser says comes from another
/// site (Sec-Fetch-Site) or another origin (Origin) is refused before it reaches an endpoint. The live hub is guarded
/// on every method, since its WebSocket upgrade is a GET that carries the session cookie. PtHub has no
/// server-rendered forms; its pages send JSON from the same origin, which passes. The identity provider's answer to
/// a sign-in comes back as a cross-site POST by design, and only that callback is let through.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    public const string OidcCallbackPath = "/signin-oidc";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        if ((safe && !request.Path.StartsWithSegments("/hubs")) || request.Path.Equals(OidcCallbackPath) || IsSameSite(request))
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
