using System.Net;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;
using PtHub.Tests.PostgreSql;

namespace PtHub.Tests.Security;

/// <summary>A sign-out on one node of a cluster holds on the others from their very next request.</summary>
public sealed class TwoNodeSignOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The production re-check interval (30 s), not the tests' usual 0 (which re-reads the account on every request
    /// and so would hide a sign-out that only the periodic re-check notices).
    /// </summary>
    private static Task<AppNode> StartNodeAsync(string database, string clusterId) =>
        AppNode.StartAsync(
        [
            ("PtHub:Storage", "PostgreSql"),
            ("PtHub:PostgreSqlConnectionString", database),
            ("PtHub:ClusterId", clusterId),
            ("PtHub:Security:AccountRecheckSeconds", "30"),
        ]);

    [Fact]
    public async Task ACookieCopiedToTheOtherNodeIsRefusedOnTheRequestRightAfterSignOut()
    {
        var (database, clusterId) = await PostgreSqlNodes.NewClusterAsync();
        await using var a = await StartNodeAsync(database, clusterId);
        await using var b = await StartNodeAsync(database, clusterId);
        await PostgreSqlNodes.EventuallyAsync(async () =>
            (await a.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2,
            "both silos active");
        var clinic = await ApiClinic.CreateAsync(a.Http);
        using var desk = await a.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        using var copyOnB = new StaffClient(b.BaseAddress);
        foreach (Cookie cookie in desk.Cookies.GetCookies(a.BaseAddress))
        {
            copyOnB.Cookies.Add(b.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        }

        using (var before = await copyOnB.Http.GetAsync($"/api/clinics/{clinic.Id}/board", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await desk.Http.PostAsync("/api/account/sign-out", null, Ct)).EnsureSuccessStatusCode();

        using var after = await copyOnB.Http.GetAsync($"/api/clinics/{clinic.Id}/board", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
