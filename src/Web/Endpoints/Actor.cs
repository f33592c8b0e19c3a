using System.Security.Claims;

namespace PtHub.Web.Endpoints;

/// <summary>Who gives a command, for the visit's event history: the signed-in member of staff.</summary>
internal static class Actor
{
    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name
            : context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
}
