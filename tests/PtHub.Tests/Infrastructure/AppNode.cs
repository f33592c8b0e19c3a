using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Web;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.Tests.Infrastructure;

/// <summary>
/// One real PtHub node (Kestrel on a loopback port, co-hosted silo) built exactly as Program.cs builds it.
/// Settings are passed as command-line style configuration; each node gets its own silo and gateway ports.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>The first administrator's password on every test node (configured, as a deployment would).</summary>
    public const string AdminPassword = "test-owner-passphrase-0001";

    private AppNode(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Admin = new StaffClient(baseAddress);
    }

    public Uri BaseAddress { get; }

    /// <summary>A session of the administrator, who may do everything; role tests make their own users.</summary>
    public StaffClient Admin { get; }

    /// <summary>The administrator's HTTP client.</summary>
    public HttpClient Http => Admin.Http;

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a node. <paramref name="settings"/> are configuration keys and values, e.g. ("PtHub:Storage", "PostgreSql").</summary>
    public static async Task<AppNode> StartAsync(
        IEnumerable<(string Key, string Value)> settings, Action<WebApplicationBuilder>? configure = null, int httpPort = 0,
        string environment = "Development", bool signIn = true)
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
            ["PtHub:Security:AdminPassword"] = AdminPassword,
            // Sessions re-read their account on every request, so tests see a disabled account or a new role at once.
            ["PtHub:Security:AccountRecheckSeconds"] = "0",
            // Tests send commands from one loopback address far faster than a front desk; a test may set its own limit.
            ["PtHub:Hardening:CommandsPerMinute"] = "1000000",
            ["PtHub:Hardening:SignInPermitsPerMinute"] = "100000",
            ["PtHub:Hardening:PatientLinkRequestsPerMinute"] = "100000",
            ["PtHub:Security:SignInFailuresPerAddress"] = "100000",
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
        var node = new AppNode(app, new Uri(address));
        if (signIn)
        {
            await node.Admin.SignInAsync("admin", AdminPassword);
        }

        return node;
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

    /// <summary>Creates an account through the administrator's API and signs it in.</summary>
    public async Task<StaffClient> SignInAsNewAsync(StaffRole role, IReadOnlyList<string> clinicIds, string? therapistId = null)
    {
        var userName = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];
        var created = await Admin.Http.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = $"Test {role}", role = role.ToString(), clinicIds, therapistId,
        }, TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var password = (await created.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["password"]!.GetValue<string>();
        var client = new StaffClient(BaseAddress) { UserName = userName, Password = password };
        await client.SignInAsync(userName, password);
        return client;
    }

    /// <summary>Pairs a lobby display through the administrator's API: its id, token, and one-time pairing link (absolute).</summary>
    public async Task<(string DisplayId, string Token, string PairUrl)> PairDisplayAsync(string clinicId)
    {
        var response = await Admin.Http.PostAsJsonAsync($"/api/clinics/{clinicId}/displays", new { name = "Lobby TV" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var paired = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        return (paired["display"]!["displayId"]!.GetValue<string>(), paired["token"]!.GetValue<string>(),
            new Uri(BaseAddress, paired["pairUrl"]!.GetValue<string>()).ToString());
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
