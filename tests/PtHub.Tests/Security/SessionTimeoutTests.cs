using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>
/// The session ends after 15 idle minutes and 1 hour after sign-in (this node's settings) on the clinic clock,
/// which the tests move. Only what a person does counts as activity: live-hub connects and background probes do not.
/// </summary>
public sealed class SessionTimeoutTests
{
    private static async Task<(AppNode Node, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var node = await AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), ("PtHub:Security:SessionIdleMinutes", "15"),
             ("PtHub:Security:SessionMaxHours", "1")],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, clock));
        return (node, clock);
    }

    [Fact]
    public async Task AnIdleSessionEnds()
    {
        var (node, clock) = await StartAsync();
        await using var _ = node;
        using var desk = await node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(node.Http)).Id]);

        clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task WhatAPersonDoesKeepsTheSessionGoing()
    {
        var (node, clock) = await StartAsync();
        await using var _ = node;
        var clinic = await ApiClinic.CreateAsync(node.Http);
        using var desk = await node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        for (var step = 0; step < 4; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            (await desk.Http.GetAsync($"/api/clinics/{clinic.Id}/board", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task LiveConnectionsAndBackgroundRequestsDoNotKeepASessionAlive()
    {
        var (node, clock) = await StartAsync();
        await using var _ = node;
        var clinic = await ApiClinic.CreateAsync(node.Http);
        using var desk = await node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        clock.Advance(TimeSpan.FromMinutes(10));
        await using (var board = await LiveClient.ConnectAsync(node.BaseAddress, clinic.Id, DashboardView.Board, desk.Authenticate))
        {
            Assert.NotNull(board);
        }

        using var probe = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        probe.Headers.Add("X-PtHub-Background", "1");
        (await desk.Http.SendAsync(probe, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(node.BaseAddress, clinic.Id, DashboardView.Board, desk.Authenticate));
    }

    [Fact]
    public async Task ChangingThePasswordDoesNotStretchASessionPastItsHardLimit()
    {
        var (node, clock) = await StartAsync();
        await using var _ = node;
        using var desk = await node.SignInAsNewAsync(StaffRole.FrontDesk, [(await ApiClinic.CreateAsync(node.Http)).Id]);
        for (var step = 0; step < 5; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            (await desk.Http.GetAsync("/api/clinics", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        (await desk.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = desk.Password, newPassword = "a-new-long-password-1" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Http.GetAsync("/api/account/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ASessionEndsAtItsHardLimitHoweverActive()
    {
        var (node, clock) = await StartAsync();
        await using var _ = node;
        var clinic = await ApiClinic.CreateAsync(node.Http);
        using var desk = await node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);

        for (var step = 0; step < 6; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(9));
            (await desk.Http.GetAsync($"/api/clinics/{clinic.Id}/board", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Http.GetAsync($"/api/clinics/{clinic.Id}/board", TestContext.Current.CancellationToken)).StatusCode);
    }
}
