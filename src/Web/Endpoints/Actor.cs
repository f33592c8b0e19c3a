namespace PtHub.Web.Endpoints;

/// <summary>Who gives a command, for the visit's event history.</summary>
internal static class Actor
{
    /// <summary>Until staff sign-in exists, a client may name its user; the header is replaced by the signed-in user.</summary>
    public const string Header = "X-PtHub-Actor";

    public static string Of(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            return name;
        }

        var named = context.Request.Headers[Header].ToString();
        return string.IsNullOrWhiteSpace(named) ? "front-desk" : named.Trim()[..Math.Min(named.Trim().Length, 100)];
    }
}
