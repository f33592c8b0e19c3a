namespace PtHub.Web.Hardening;

/// <summary>Whom a request counts against. The remote address is the client's once forwarded headers were applied.</summary>
internal static class ClientKey
{
    public static string Address(HttpContext context) =>
        "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public static string UserOrAddress(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? "user:" + name : Address(context);
}
