using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

[Collection(NodeCollection.Name)]
public sealed partial class SignInTests(NodeFixture fixture)
{
    private AppNode Node => fixture.Node;

    [Fact]
    public async Task TheFirstStartCreatesTheAdministratorWithAPasswordShownOnceAndNeverAgain()
    {
        var database = TempPaths.NewDatabase();
        var firstLog = new LogCapture();
        string password;
        await using (var first = await StartWithoutConfiguredPasswordAsync(database, firstLog))
        {
            var line = Assert.Single(firstLog.Lines, l => l.Contains("First run", StringComparison.Ordinal));
            password = GeneratedPassword().Match(line).Groups[1].Value;
            Assert.True(password.Length >= 20, line);
            using var admin = new StaffClient(first.BaseAddress);
            await admin.SignInAsync("admin", password);
        }

        var secondLog = new LogCapture();
        await using var second = await StartWithoutConfiguredPasswordAsync(database, secondLog);
        Assert.DoesNotContain(secondLog.Lines, l => l.Contains("First run", StringComparison.Ordinal));
        using var again = new StaffClient(second.BaseAddress);
        await again.SignInAsync("admin", password);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownUserGetTheSameAnswer()
    {
        using var client = new HttpClient { BaseAddress = Node.BaseAddress };
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(Node.Http)).Id]);

        using var wrongPassword = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = user.UserName, password = "not-the-password" }, TestContext.Current.CancellationToken);
        using var unknownUser = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "nobody-here", password = "not-the-password" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(await Detail(wrongPassword), await Detail(unknownUser));
    }

    [Fact]
    public async Task FiveFailedSignInsHoldTheirAddressBackEvenForTheRightPasswordWithoutSayingSo()
    {
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(Node.Http)).Id]);
        using var client = new HttpClient { BaseAddress = Node.BaseAddress };
        string? wrongDetail = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = user.UserName, password = $"wrong-{attempt}" }, TestContext.Current.CancellationToken);
            wrongDetail = await Detail(failed);
        }

        using var right = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = user.UserName, password = user.Password }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(wrongDetail, await Detail(right));
    }

    [Fact]
    public async Task WrongCurrentPasswordsInAPasswordChangeLockTheAccountAndEndTheSession()
    {
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(Node.Http)).Id]);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var guess = await user.Http.PostAsJsonAsync("/api/account/password",
                new { currentPassword = $"guess-number-{attempt}", newPassword = "a-fresh-long-passphrase-42" }, TestContext.Current.CancellationToken);
            statuses.Add(guess.StatusCode);
        }

        using var right = await user.Http.PostAsJsonAsync("/api/account/password",
            new { currentPassword = user.Password, newPassword = "a-fresh-long-passphrase-42" }, TestContext.Current.CancellationToken);
        using var signIn = await new HttpClient { BaseAddress = Node.BaseAddress }.PostAsJsonAsync("/api/account/sign-in",
            new { userName = user.UserName, password = user.Password }, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Locked], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var users = await Node.Http.GetFromJsonAsync<JsonArray>("/api/users", TestContext.Current.CancellationToken);
        Assert.True(users!.Single(u => u!["userName"]!.GetValue<string>() == user.UserName)!["lockedOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SignInsFromOneAddressAreRateLimitedWithAProblemAndRetryAfter()
    {
        await using var node = await AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), ("PtHub:Hardening:SignInPermitsPerMinute", "3")], signIn: false);
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = $"guess-{attempt}", password = "not-it-at-all" }, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AnAccountSavedFromAStaleReadDoesNotUndoAChangeMadeMeanwhile()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var grain = Node.Grains.GetGrain<IStaffAccountGrain>(user.UserName.ToLowerInvariant());
        var stale = (await grain.Get())!;

        (await Node.Http.PutAsJsonAsync($"/api/users/{stale.UserId}", new { displayName = "Gone", role = "FrontDesk", clinicIds = new[] { clinic.Id }, disabled = true },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var saved = await grain.Update(stale with { AccessFailedCount = 1 }, stale.SecurityStamp);

        Assert.False(saved);
        Assert.True((await grain.Get())!.Disabled);
    }

    [Fact]
    public async Task PasswordsAreStoredOnlyAsSaltedHashes()
    {
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(Node.Http)).Id]);

        var account = await Node.Grains.GetGrain<IStaffAccountGrain>(user.UserName.ToLowerInvariant()).Get();

        Assert.NotNull(account!.PasswordHash);
        Assert.DoesNotContain(user.Password, account.PasswordHash, StringComparison.Ordinal);
        Assert.True(account.PasswordHash.Length > 60);
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSite()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Node.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = AppNode.AdminPassword }, TestContext.Current.CancellationToken);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pthub.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AChangeFromAnotherSiteIsRefusedEvenWithAValidSession()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clinics/{clinic.Id}/visits/{visitId}/arrive");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await Node.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("booked", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsOpenSessionEnds()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var userId = user.UserName.ToLowerInvariant();
        (await user.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        (await Node.Http.PutAsJsonAsync($"/api/users/{userId}", new
        {
            displayName = "Gone", role = "FrontDesk", clinicIds = new[] { clinic.Id }, disabled = true,
        }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        using var stale = await user.Http.GetAsync($"/api/clinics/{clinic.Id}/board", TestContext.Current.CancellationToken);
        using var again = await new HttpClient { BaseAddress = Node.BaseAddress }.PostAsJsonAsync("/api/account/sign-in",
            new { userName = user.UserName, password = user.Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var user = await Node.SignInAsNewAsync(StaffRole.Manager, [(await ApiClinic.CreateAsync(Node.Http)).Id]);

        (await user.Http.PostAsync("/api/account/sign-out", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        using var after = await user.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionOnTheServerSoACopyOfItsCookieStopsWorking()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        using var desk = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        using var otherDevice = new StaffClient(Node.BaseAddress);
        await otherDevice.SignInAsync(desk.UserName, desk.Password);
        using var copy = new StaffClient(Node.BaseAddress);
        foreach (System.Net.Cookie cookie in desk.Cookies.GetCookies(Node.BaseAddress))
        {
            copy.Cookies.Add(Node.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value));
        }

        (await copy.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await desk.Http.PostAsync("/api/account/sign-out", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AnOpenBoardClosesWhenItsAccountIsDisabledWhileOthersStayOpen()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        using var desk = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        using var colleague = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        await using var board = await LiveClient.ConnectAsync(Node.BaseAddress, clinic.Id, DashboardView.Board, desk.Authenticate);
        await using var colleaguesBoard = await LiveClient.ConnectAsync(Node.BaseAddress, clinic.Id, DashboardView.Board, colleague.Authenticate);

        (await Node.Http.PutAsJsonAsync($"/api/users/{desk.UserName.ToLowerInvariant()}", new
        {
            displayName = "Gone", role = "FrontDesk", clinicIds = new[] { clinic.Id }, disabled = true,
        }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await board.Closed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(colleaguesBoard.Closed.IsCompleted);
    }

    private static Task<AppNode> StartWithoutConfiguredPasswordAsync(string database, LogCapture log) =>
        AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", database), ("PtHub:Security:AdminPassword", "")],
            builder => builder.Logging.AddProvider(log), signIn: false);

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["detail"]?.GetValue<string>();

    [GeneratedRegex(@"password\s+(\S+)\s")]
    private static partial Regex GeneratedPassword();
}
