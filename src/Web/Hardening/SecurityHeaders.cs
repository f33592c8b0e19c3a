using Microsoft.Net.Http.Headers;

namespace PtHub.Web.Hardening;

/// <summary>The headers every response carries: API answers, the screens and their files, the hub, health, errors.</summary>
internal static class SecurityHeaders
{
    /// <summary>The screens load only their own bundled scripts and styles; nothing inline, nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar's page at /api-docs starts itself with an inline module script (its configuration) and injects its styles
    /// at run time, so that path alone allows inline script and style. It shows the API's description, no patient data.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiDocsPath = "/api-docs";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath)
            ? ApiDocsContentSecurityPolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // API answers carry patient information, which must not be kept by browsers or proxies.
            headers.CacheControl = "no-store";
            headers.Remove(HeaderNames.Expires);
        }
    }
}
