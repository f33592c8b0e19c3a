namespace PtHub.Web.Endpoints;

/// <summary>The screens of a clinic, served as static pages (no data in them) that then talk to the API and the hub.</summary>
internal static class ScreenEndpoints
{
    public static WebApplication MapScreens(this WebApplication app)
    {
        var root = app.Environment.WebRootFileProvider;
        foreach (var screen in new[] { "lobby", "board", "schedule", "manager", "therapist", "settings", "patients", "audit", "trends", "messages", "supplies", "equipment", "injury-log", "worklists", "staff", "referrals", "billing-codes" })
        {
            app.MapGet($"/{screen}/{{clinicId}}", () => Results.File(root.GetFileInfo($"{screen}.html").CreateReadStream(), "text/html; charset=utf-8"))
                .ExcludeFromDescription().AllowAnonymous();
        }

        // A patient's profile; the board links each row's patient here (and an insurance alert to its #coverage).
        app.MapGet("/patients/{clinicId}/{patientId}", () => Results.File(root.GetFileInfo("profile.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        // The roll-up across the clinics a manager may see: no clinic in its path.
        app.MapGet("/rollup", () => Results.File(root.GetFileInfo("rollup.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();

        // A patient's reminder link (no sign-in, no clinic in the address: the signed token after '#' says which visit).
        app.MapGet("/visit", () => Results.File(root.GetFileInfo("visit.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        // A recall's booking link (the signed token after '#' says which clinic, patient and therapist).
        app.MapGet("/recall", () => Results.File(root.GetFileInfo("recall.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        // A waitlist offer's link: the same kind of public page, for one offered time.
        app.MapGet("/offer", () => Results.File(root.GetFileInfo("offer.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/unsubscribe", () => Results.File(root.GetFileInfo("unsubscribe.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();

        // The letter to a referring provider, a page to print; the referrals screen links each provider's referral here.
        app.MapGet("/referrals/{clinicId}/{referralId}/letter", () => Results.File(root.GetFileInfo("referral-letter.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
