using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Web;

namespace PtHub.Harness;

/// <summary>
/// One embedded-mode PtHub node in this process, as the benchmarks and the simulator run it: built by
/// <see cref="PtHubWebApp.Create"/>, Kestrel on a loopback port, a fresh SQLite file in a temporary folder, its own
/// silo and gateway ports, no demo, quiet logs.
/// </summary>
public static class EmbeddedNode
{
    /// <param name="purpose">Names the temporary folder (e.g. "pthub-bench").</param>
    /// <param name="settings">More command-line settings, e.g. "--PtHub:LiveTickSeconds=0.05".</param>
    /// <param name="configure">Changes to the node's services before it is built.</param>
    /// <returns>The node, its address, its folder, and the cookies of its administrator's session (for HTTP and the hub).</returns>
    public static async Task<(WebApplication App, Uri Address, string Directory, CookieContainer Admin)> StartAsync(
        string purpose, IEnumerable<string>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        string[] args =
        [
            $"--PtHub:Security:AdminPassword={password}",
            // These tools drive whole clinics from one session, far beyond a person's command rate.
            "--PtHub:Hardening:CommandsPerMinute=100000000",
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--PtHub:Storage=Sqlite",
            $"--PtHub:SqlitePath={Path.Combine(directory, "pthub.db")}",
            $"--PtHub:SiloPort={FreePort()}",
            $"--PtHub:GatewayPort={FreePort()}",
            "--PtHub:SeedDemo=false",
            // The load comes from one loopback address, far faster than the per-client limit meant for a front desk.
            "--PtHub:Hardening:CommandsPerMinute=1000000",
            "--Logging:LogLevel:Default=Warning",
            // The node looks for its browser screens under the working folder; these tools have no use for them.
            "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error",
            .. settings ?? [],
        ];
        var app = PtHubWebApp.Create(args, configure);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address })
        {
            using var signIn = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password });
            signIn.EnsureSuccessStatusCode();
        }

        return (app, address, directory, cookies);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
