using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PtHub.Web.Security;

namespace PtHub.Web;

/// <summary>
/// Tells whoever started the node where to point a browser, and on the first run the administrator's password: the
/// last lines of the start, in a box, so they are what a newcomer sees.
/// </summary>
internal static partial class StartupBanner
{
    public static void Announce(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>();
        foreach (var address in addresses.Select(a => a.TrimEnd('/')))
        {
            lines.Add($"PtHub is running at {address}");
            lines.Add($"  sign in: {address}/login.html   clinics: {address}/   API: {address}/api-docs");
        }

        if (app.Services.GetRequiredService<FirstRunNotice>().Text is { } notice)
        {
            // A warning, so a log kept at warnings and above still shows the one time the password is told.
            lines.Add(notice);
            LogFirstRun(app.Logger, Box(lines));
            return;
        }

        LogReady(app.Logger, Box(lines));
    });

    private static string Box(IReadOnlyList<string> lines)
    {
        var width = lines.Max(l => l.Length) + 2;
        var box = new StringBuilder().AppendLine().Append('+').Append('-', width).AppendLine("+");
        foreach (var line in lines)
        {
            box.Append("| ").Append(line.PadRight(width - 1)).AppendLine("|");
        }

        return box.Append('+').Append('-', width).Append('+').ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogReady(ILogger logger, string banner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Banner}")]
    private static partial void LogFirstRun(ILogger logger, string banner);
}
