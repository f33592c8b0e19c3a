using System.Globalization;
using Microsoft.Extensions.Options;
using PtHub.Tests.Infrastructure;
using PtHub.Web;

namespace PtHub.Tests.Hardening;

public sealed class HardeningOptionsTests
{
    [Theory]
    [InlineData("PtHub:Hardening:TrustedProxies:0", "nginx.internal", "TrustedProxies")]
    [InlineData("PtHub:Hardening:TrustedProxies:0", "10.0.0.0/33", "TrustedProxies")]
    [InlineData("PtHub:Hardening:CommandsPerMinute", "0", "CommandsPerMinute")]
    [InlineData("PtHub:Hardening:MaxRequestBodyBytes", "10", "MaxRequestBodyBytes")]
    public async Task ANodeWithAnInvalidHardeningSettingDoesNotStart(string key, string value, string named)
    {
        string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--environment", "Development", "--urls", "http://127.0.0.1:0", "--contentRoot", AppNode.WebProjectDirectory,
            $"--PtHub:SqlitePath={TempPaths.NewDatabase()}", $"--PtHub:SiloPort={Port()}", $"--PtHub:GatewayPort={Port()}",
            "--PtHub:SeedDemo=false", "--Logging:LogLevel:Default=None", $"--{key}={value}",
        ];

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = PtHubWebApp.Create(args);
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }
}
