using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Hardening;

/// <summary>Nodes in the Production environment, as deployed: no exception details, HTTPS and HSTS, forwarded headers.</summary>
public sealed class ProductionTests
{
    private const string PublicHost = "pthub.example";

    private static Task<AppNode> StartProductionAsync(params (string Key, string Value)[] settings) =>
        AppNode.StartAsync([("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), .. settings],
            builder => builder.Services.AddSingleton<IStartupFilter, TestOnlyPaths>(), environment: "Production",
            // Plain HTTP is redirected in Production, and these tests need no session.
            signIn: false);

    /// <summary>Behind a proxy at a loopback address that ends TLS for https://pthub.example (port 443).</summary>
    private static Task<AppNode> StartBehindProxyAsync() =>
        StartProductionAsync(("PtHub:Hardening:TrustedProxies:0", "127.0.0.0/8"), ("https_port", "443"));

    private static async Task<string> ClientAsSeenAsync(AppNode node, string forwardedFor, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TestOnlyPaths.Client);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await node.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AnUnhandledErrorAnswersAProblemWithoutTheExceptionOrStack()
    {
        await using var node = await StartProductionAsync();

        var response = await node.Http.GetAsync(TestOnlyPaths.Fail);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await ApiClinic.ProblemAsync(response);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        foreach (var leak in new[] { TestOnlyPaths.SecretMessage, "hunter2", nameof(InvalidOperationException), "   at ", ".cs:line", nameof(TestOnlyPaths), "stack" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(response.Headers.Contains("Content-Security-Policy"), "the error answer has no CSP");
    }

    [Fact]
    public async Task TheSessionCookieIsSecureWhenATrustedProxyForwardedHttps()
    {
        await using var node = await StartBehindProxyAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = AppNode.AdminPassword }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ForwardedHeadersFromAPeerNotTrustedAreIgnored()
    {
        await using var node = await StartProductionAsync();

        Assert.Equal("127.0.0.1 http", await ClientAsSeenAsync(node, "203.0.113.7", "https"));
    }

    [Fact]
    public async Task BehindATrustedProxyTheForwardedClientAndSchemeCount()
    {
        await using var node = await StartBehindProxyAsync();

        Assert.Equal("203.0.113.7 https", await ClientAsSeenAsync(node, "203.0.113.7", "https"));
        // What the client itself put in front is not believed: only the hops added by trusted proxies are.
        Assert.Equal("203.0.113.7 https", await ClientAsSeenAsync(node, "198.51.100.9, 203.0.113.7", "https"));
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttpsAndHttpsGetsHstsButProbesStayOnHttp()
    {
        await using var node = await StartBehindProxyAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };

        async Task<HttpResponseMessage> GetAsync(string path, string? scheme)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = PublicHost;
            if (scheme is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", scheme);
            }

            return await http.SendAsync(request);
        }

        var plain = await GetAsync("/css/site.css", "http");
        var secure = await GetAsync("/css/site.css", "https");
        var probe = await GetAsync("/health/live", null);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal(new Uri($"https://{PublicHost}/css/site.css"), plain.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", string.Join("", secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }
}
