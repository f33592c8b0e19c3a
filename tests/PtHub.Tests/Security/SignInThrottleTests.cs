using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>
/// Failed sign-ins hold back the address they came from, not the account: the node trusts loopback as its proxy, so
/// each test speaks for as many client addresses as it needs through X-Forwarded-For.
/// </summary>
public sealed class SignInThrottleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FailedSignInsFromOneAddressDoNotLockTheOwnerOutFromAnotherAndAnAdministratorUnlocks()
    {
        await using var node = await StartBehindProxyAsync();
        using var user = await node.SignInAsNewAsync(StaffRole.Admin, []);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(node, "203.0.113.7", user.UserName, $"wrong-guess-{attempt}"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(node, "203.0.113.7", user.UserName, user.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(node, "198.51.100.20", user.UserName, user.Password));

        (await node.Http.PostAsync($"/api/users/{user.UserName.ToLowerInvariant()}/unlock", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(node, "203.0.113.7", user.UserName, user.Password));

        var audit = (await node.Http.GetFromJsonAsync<JsonArray>("/api/clinics/_system/audit?limit=5000", Ct))!;
        var userId = user.UserName.ToLowerInvariant();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "account.lock" && e["userId"]!.GetValue<string>() == userId
            && e["source"]!.GetValue<string>() == "203.0.113.7");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "user.unlock" && e["resource"]!.GetValue<string>().Contains(userId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAddressGuessingOverManyAccountsIsHeldBackAtItsBudgetAndOnlyIt()
    {
        await using var node = await StartBehindProxyAsync(("PtHub:Security:SignInFailuresPerAddress", "3"));
        using var user = await node.SignInAsNewAsync(StaffRole.Admin, []);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(node, "203.0.113.9", $"guess-{attempt}", "not-a-password"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(node, "203.0.113.9", user.UserName, user.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(node, "198.51.100.21", user.UserName, user.Password));
    }

    private static Task<AppNode> StartBehindProxyAsync(params (string Key, string Value)[] settings) =>
        AppNode.StartSqliteAsync(null, [("PtHub:Hardening:TrustedProxies:0", "127.0.0.1"), ("PtHub:Security:SignInFailuresPerAddress", "1000"), .. settings]);

    private static async Task<HttpStatusCode> SignInFromAsync(AppNode node, string address, string userName, string password)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
