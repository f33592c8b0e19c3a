using System.Net;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Error answers by who is asking: a browser opening a page gets a page (sign-in for 401, a plain page with a way back
/// for 403 and 404), an API client gets RFC 7807 problem details as before.
/// </summary>
internal static class ErrorPages
{
    public static IApplicationBuilder UsePtHubStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!WantsPage(http.Request))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http });
                return;
            }

            if (http.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                var back = http.Request.Path + http.Request.QueryString;
                http.Response.Redirect($"/login.html?return={Uri.EscapeDataString(back)}");
                return;
            }

            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Page(http.Response.StatusCode, http.Request.Path));
        });

    /// <summary>A top-level page load from a browser: not the API, the hub or a probe, and HTML accepted.</summary>
    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") && !request.Path.StartsWithSegments("/health")
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static string Page(int status, PathString path)
    {
        var (title, text) = status switch
        {
            StatusCodes.Status403Forbidden => ("Not for your account", "Your account may not open this page. Ask your clinic's administrator if you need it."),
            StatusCodes.Status404NotFound => ("Page not found", $"There is no page at {path}. It may have moved, or the address may be mistyped."),
            _ => ("Something went wrong", $"The server answered {status}. Try again in a moment."),
        };
        return $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)} · PtHub</title><link rel="stylesheet" href="/css/site.css"></head>
            <body class="error-page">
              <header class="bar"><h1>PtHub</h1></header>
              <main class="not-found" role="alert">
                <h2>{WebUtility.HtmlEncode(title)}</h2>
                <p>{WebUtility.HtmlEncode(text)}</p>
                <p><a href="/">Back to your clinics</a></p>
              </main>
            </body>
            </html>
            """;
    }
}
