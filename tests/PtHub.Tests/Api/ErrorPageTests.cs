using System.Net;

namespace PtHub.Tests.Api;

/// <summary>A browser asking for a page gets a page; an API client gets problem details.</summary>
[Collection(NodeCollection.Name)]
public sealed class ErrorPageTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    [Fact]
    public async Task AnUnknownPageAnswersABrowserWithAPageAndAWayBack()
    {
        using var response = await fixture.Node.Http.SendAsync(Get("/no-such-screen/demo", "text/html,application/xhtml+xml,*/*;q=0.8"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
        Assert.Contains("There is no page at /no-such-screen/demo.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to your clinics</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageAddressIsEncodedNotInterpreted()
    {
        using var response = await fixture.Node.Http.SendAsync(Get("/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "text/html"), Ct);

        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApiPathStillAnswersProblemDetails()
    {
        using var response = await fixture.Node.Http.SendAsync(Get("/api/no-such-thing", "text/html,application/json"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABrowserWithoutASessionIsSentToSignInAndBack()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Node.BaseAddress };
        using var response = await anonymous.SendAsync(Get("/api-docs/", "text/html"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login.html?return=%2Fapi-docs%2F", response.Headers.Location?.OriginalString);
    }
}
