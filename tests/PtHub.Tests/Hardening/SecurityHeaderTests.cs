using System.Net;
using System.Net.Http.Json;
using PtHub.Tests.Api;

namespace PtHub.Tests.Hardening;

[Collection(NodeCollection.Name)]
public sealed class SecurityHeaderTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : $"(no {name} on {what})";

        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("camera=(), microphone=(), geolocation=()", Header("Permissions-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"{what} names the server");
    }

    [Fact]
    public async Task ApiAnswersStaticFilesScreensHealthAndTheHubCarryTheSecurityHeaders()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["API"] = await Http.GetAsync($"/api/clinics/{clinic.Id}"),
            ["API problem"] = await Http.GetAsync("/api/clinics/nowhere-at-all"),
            ["static file"] = await Http.GetAsync("/css/site.css"),
            ["home page"] = await Http.GetAsync("/"),
            ["screen"] = await Http.GetAsync($"/board/{clinic.Id}"),
            ["liveness"] = await Http.GetAsync("/health/live"),
            ["hub negotiate"] = await Http.PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null),
        };

        foreach (var (what, response) in responses)
        {
            AssertSecurityHeaders(response, what);
        }

        Assert.Equal(HttpStatusCode.NotFound, responses["API problem"].StatusCode);
        Assert.All(responses.Where(r => r.Key != "API problem"), r => Assert.True(r.Value.IsSuccessStatusCode, $"{r.Key}: {r.Value.StatusCode}"));
    }

    [Fact]
    public async Task ApiAnswersAreNeverStoredButStaticFilesMayBe()
    {
        var clinic = await ApiClinic.CreateAsync(Http);

        foreach (var url in new[] { $"/api/clinics/{clinic.Id}", $"/api/clinics/{clinic.Id}/board", "/api/clinics/nowhere-at-all" })
        {
            var response = await Http.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{url} may be cached: {response.Headers.CacheControl}");
        }

        var created = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients", new { firstName = "Ada", lastName = "Byron", birthDate = "1980-12-10" });
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.NotEqual(true, (await Http.GetAsync("/css/site.css")).Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task OnlyTheApiReferencePageMayRunInlineScript()
    {
        var docs = await Http.GetAsync("/api-docs/");
        var screen = await Http.GetAsync("/lobby/any-clinic");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var docsPolicy = string.Join("", docs.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", docsPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", docsPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", string.Join("", screen.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentServesPlainHttpWithoutHsts()
    {
        var response = await Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
