namespace PtHub.Web.Endpoints;

/// <summary>The screens of a clinic, served as static pages (no data in them) that then talk to the API and the hub.</summary>
internal static class ScreenEndpoints
{
    public static WebApplication MapScreens(this WebApplication app)
    {
        var root = app.Environment.WebRootFileProvider;
        foreach (var screen in new[] { "lobby", "board", "manager", "therapist", "settings", "patients" })
        {
            app.MapGet($"/{screen}/{{clinicId}}", () => Results.File(root.GetFileInfo($"{screen}.html").CreateReadStream(), "text/html; charset=utf-8"))
                .ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }
}
