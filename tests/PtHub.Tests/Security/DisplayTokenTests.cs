using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>A paired display reads its own clinic's lobby and nothing else, and revoking it cuts it off at once.</summary>
[Collection(NodeCollection.Name)]
public sealed class DisplayTokenTests(NodeFixture fixture)
{
    private AppNode Node => fixture.Node;

    [Fact]
    public async Task ADisplayWatchesItsOwnClinicsLobby()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);

        await using var lobby = await LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Lobby, SecuredClinic.WithToken(secured.DisplayToken));

        Assert.Equal(secured.Clinic.Id, lobby.Lobby!.ClinicId);
    }

    [Theory]
    [InlineData(DashboardView.Board)]
    [InlineData(DashboardView.Manager)]
    public async Task ADisplayCannotJoinAnyOtherViewOfItsClinic(DashboardView view)
    {
        using var secured = await SecuredClinic.CreateAsync(Node);

        var error = await Assert.ThrowsAsync<HubException>(() =>
            LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, view, SecuredClinic.WithToken(secured.DisplayToken)));

        Assert.Contains("own clinic's lobby only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisplayCannotJoinAnotherClinicsLobby()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);

        await Assert.ThrowsAsync<HubException>(() =>
            LiveClient.ConnectAsync(Node.BaseAddress, secured.Other.Id, DashboardView.Lobby, SecuredClinic.WithToken(secured.DisplayToken)));
    }

    [Theory]
    [InlineData("GET", "/api/clinics")]
    [InlineData("GET", "/api/clinics/{clinic}")]
    [InlineData("GET", "/api/clinics/{clinic}/board")]
    [InlineData("GET", "/api/account/me")]
    [InlineData("POST", "/api/clinics/{clinic}/walk-ins")]
    public async Task ADisplayTokenOpensNoRestEndpoint(string method, string route)
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        using var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{clinic}", secured.Clinic.Id, StringComparison.Ordinal));

        using var response = await secured.Display.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a display must never get a session");
    }

    [Fact]
    public async Task RevokingADisplayDisconnectsItAtOnceAndItCannotComeBack()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        await using var lobby = await LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Lobby, SecuredClinic.WithToken(secured.DisplayToken));
        var (_, otherToken) = await secured.PairDisplayAsync(secured.Clinic.Id);
        await using var otherDisplay = await LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Lobby, SecuredClinic.WithToken(otherToken));

        var revoked = await Node.Http.DeleteAsync($"/api/clinics/{secured.Clinic.Id}/displays/{secured.DisplayId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await lobby.Closed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(otherDisplay.Closed.IsCompleted);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Lobby, SecuredClinic.WithToken(secured.DisplayToken)));
        var displays = await Node.Http.GetStringAsync($"/api/clinics/{secured.Clinic.Id}/displays", TestContext.Current.CancellationToken);
        Assert.Contains("\"revokedBy\":\"admin\"", displays, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("pthd.YQ.0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pthd.fHw.0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AForgedOrMalformedTokenIsRefused(string token)
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        using var client = new HttpClient { BaseAddress = Node.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var negotiate = await client.PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task ATokenOfOneClinicWithAnotherClinicsNameIsRefused()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var parts = secured.DisplayToken.Split('.');
        var forged = string.Join('.', parts[0], Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(secured.Other.Id)), parts[2], parts[3]);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            LiveClient.ConnectAsync(Node.BaseAddress, secured.Other.Id, DashboardView.Lobby, SecuredClinic.WithToken(forged)));
    }
}
