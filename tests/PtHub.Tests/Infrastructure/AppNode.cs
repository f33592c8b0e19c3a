using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Web;

namespace PtHub.Tests.Infrastructure;

/// <summary>
/// One real PtHub node (Kestrel on a loopback port, co-hosted silo) built exactly as Program.cs builds it.
/// Settings are passed as command-line style configuration; each node gets its own silo and gateway ports.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppNode(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a node. <paramref name="settings"/> are configuration keys and values, e.g. ("PtHub:Storage", "PostgreSql").</summary>
    public static async Task<AppNode> StartAsync(
        IEnumerable<(string Key, string Value)> settings, Action<WebApplicationBuilder>? configure = null, int httpPort = 0,
        string environment = "Development")
    {
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{httpPort}", "--environment", environment, "--contentRoot", WebProjectDirectory,
        };
        var all = new Dictionary<string, string>
        {
            ["PtHub:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PtHub:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PtHub:SeedDemo"] = "false",
            // Tests send commands from one loopback address far faster than a front desk; a test may set its own limit.
            ["PtHub:Hardening:CommandsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        args.AddRange(all.Select(kv => $"--{kv.Key}={kv.Value}"));
        var app = PtHubWebApp.Create([.. args], configure);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new AppNode(app, new Uri(address));
    }

    /// <summary>An embedded-mode node on a SQLite file (a fresh one in a temporary folder unless given).</summary>
    public static Task<AppNode> StartSqliteAsync(string? databasePath = null, params (string Key, string Value)[] settings) =>
        StartAsync([("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", databasePath ?? TempPaths.NewDatabase()), .. settings]);

    /// <summary>src/Web of this checkout, so the node serves the screens from wwwroot as <c>dotnet run</c> does.</summary>
    public static string WebProjectDirectory { get; } = FindWebProject();

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PtHub.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Web");
            }
        }

        throw new InvalidOperationException("PtHub.sln not found above the test assembly.");
    }

    public async Task StopAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
