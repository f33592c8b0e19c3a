using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace PtHub.Tests.Infrastructure;

/// <summary>
/// One signed-in member of staff, as a browser holds them: a cookie jar, an HTTP client that sends it, and the
/// same cookies for the live hub's connections.
/// </summary>
public sealed class StaffClient : IDisposable
{
    public StaffClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public string UserName { get; init; } = "admin";

    public string Password { get; init; } = AppNode.AdminPassword;

    public async Task SignInAsync(string userName, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/account/sign-in", new { userName, password }, TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in of '{userName}' failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Lets a SignalR connection carry this session.</summary>
    public void Authenticate(HttpConnectionOptions options) => options.Cookies = Cookies;

    public void Dispose() => Http.Dispose();
}
