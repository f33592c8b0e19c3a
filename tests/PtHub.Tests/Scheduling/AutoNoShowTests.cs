using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Scheduling;

/// <summary>A visit nobody arrives for becomes a no-show at start plus grace, even when the node restarted in between.</summary>
public sealed class AutoNoShowTests
{
    private static Task<AppNode> StartAsync(string database, FakeTimeProvider clock) =>
        AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", database), ("PtHub:KeeperSeconds", "1"), ("PtHub:LiveTickSeconds", "0.2"),
                ("PtHub:Security:SessionIdleMinutes", "1440")],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, clock));

    [Fact]
    public async Task AVisitNotArrivedByStartPlusGraceIsMarkedNoShowAfterARestart()
    {
        var database = TempPaths.NewDatabase();
        var now = DateTimeOffset.UtcNow;
        string clinicId, visitId, onTime;
        await using (var first = await StartAsync(database, new FakeTimeProvider(now)))
        {
            var clinic = await ApiClinic.CreateAsync(first.Http);
            (clinicId, visitId) = (clinic.Id, await clinic.BookAsync(await clinic.AddPatientAsync()));
            onTime = await clinic.BookAsync(await clinic.AddPatientAsync("Tom", "Hanks"));
            (await clinic.CommandAsync(onTime, "arrive")).EnsureSuccessStatusCode();
        }

        // Back 20 minutes later (the default grace is 15): nobody gives a command.
        await using var second = await StartAsync(database, new FakeTimeProvider(now.AddMinutes(20)));
        var again = new ApiClinic(second.Http, clinicId);
        await WaitForStatusAsync(second, clinicId, visitId, VisitStatus.NoShow);
        JsonObject visit = await again.VisitAsync(visitId);
        Assert.Equal("noshow", visit["visit"]!["status"]!.GetValue<string>());
        Assert.Equal("pthub", visit["events"]!.AsArray()[^1]!["actor"]!.GetValue<string>());
        Assert.Equal("arrived", (await again.VisitAsync(onTime))["visit"]!["status"]!.GetValue<string>());
        var patientId = visit["visit"]!["patientId"]!.GetValue<string>();
        var patient = await second.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/patients/{patientId}");
        Assert.Equal(1, patient!["noShows"]!.GetValue<int>());
        Assert.Equal(0, patient["cancellations"]!.GetValue<int>());
        var board = await second.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/board");
        Assert.Equal(2, board!["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task AnAutomaticNoShowTheDeskUndidIsNotMarkedAgainWhileLaterVisitsStillAre()
    {
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(now);
        await using var node = await StartAsync(TempPaths.NewDatabase(), clock);
        var clinic = await ApiClinic.CreateAsync(node.Http);
        var cameLate = await clinic.BookAsync(await clinic.AddPatientAsync());
        var booked = await node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId = await clinic.AddPatientAsync("Tom", "Hanks"), therapistId = "bob", visitType = "follow-up",
            scheduledStart = now.AddMinutes(30), overrideReason = "test: a later visit",
        }, TestContext.Current.CancellationToken);
        booked.EnsureSuccessStatusCode();
        var later = (await booked.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["visitId"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromMinutes(20));
        await WaitForStatusAsync(node, clinic.Id, cameLate, VisitStatus.NoShow);
        (await clinic.CommandAsync(cameLate, "undo")).EnsureSuccessStatusCode();

        // The later visit's no-show comes from a tick that saw the undone one booked and past its grace too.
        clock.Advance(TimeSpan.FromMinutes(30));
        await WaitForStatusAsync(node, clinic.Id, later, VisitStatus.NoShow);

        var visit = await clinic.VisitAsync(cameLate);
        Assert.Equal("booked", visit["visit"]!["status"]!.GetValue<string>());
        Assert.Equal(["book", "no-show", "undo"], visit["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
    }

    /// <summary>
    /// Waits, on the desk's live board, for the clinic's own sweep to give the visit that status: nobody gives a command,
    /// so the board's push is what says it happened.
    /// </summary>
    private static async Task WaitForStatusAsync(AppNode node, string clinicId, string visitId, VisitStatus status)
    {
        await using var board = await LiveClient.ConnectAsync(node, clinicId, DashboardView.Board);
        await board.WaitUntilAsync(b => b.Rows.Any(r => r.VisitId == visitId && r.Status == status), $"visit {visitId} {status}");
    }
}
