using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PtHub.Web;

/// <summary>Tells whoever started the node where to point a browser.</summary>
internal static partial class StartupBanner
{
    public static void Announce(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogReady(app.Logger, address.TrimEnd('/'));
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "PtHub is running at {Address}  (sign in: {Address}/login.html  clinics: {Address}/  administration: {Address}/admin.html  API: {Address}/api-docs)")]
    private static partial void LogReady(ILogger logger, string address);
}
