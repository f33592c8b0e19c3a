using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Figures;

/// <summary>
/// A clinic's morning played on a fake clock, step by step through the API, and every figure of the manager's view
/// and the lobby compared with the value worked out by hand from docs/figures.md (the working is in the comments).
/// </summary>
public sealed class ScriptedMorningTests : IAsyncLifetime
{
    private const string Zone = "America/Chicago";
    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
    private readonly FakeTimeProvider _clock = new();
    // Tomorrow in the clinic, so the scripted morning lies ahead of the real clock that session cookies also answer to.
    private readonly DateOnly _today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ClinicZone).DateTime).AddDays(1);
    private AppNode _node = null!;
    private string _api = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _clock.SetUtcNow(At(7, 55));
        _node = await AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), ("PtHub:LiveTickSeconds", "0.1"), ("PtHub:WatchRenewSeconds", "0.5"),
                // The clinic clock jumps over quiet half hours; the watching session must outlive them.
                ("PtHub:Security:SessionIdleMinutes", "240")],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, _clock));
        var clinicId = "figures-" + Guid.NewGuid().ToString("N")[..8];
        _api = $"/api/clinics/{clinicId}";
        var response = await _node.Http.PutAsJsonAsync(_api, new
        {
            name = "Figures clinic",
            timeZoneId = Zone,
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "08:00:00", closes = "17:00:00" }),
            rooms = new object[]
            {
                new { id = "room-1", name = "Room 1", kind = "private", capacity = 1 },
                new { id = "gym", name = "Gym", kind = "gym", capacity = 4 },
            },
            therapists = new object[]
            {
                // Ann works 08:00-12:00 and 13:00-17:00 today; Bob works the clinic's hours.
                new
                {
                    id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 1,
                    workingHours = new object[]
                    {
                        new { day = _today.DayOfWeek.ToString(), start = "08:00:00", end = "12:00:00" },
                        new { day = _today.DayOfWeek.ToString(), start = "13:00:00", end = "17:00:00" },
                    },
                },
                new { id = "bob", displayName = "Bob Q., PTA", maxConcurrentPatients = 2 },
            },
            lobbyNaming = "first-name-last-initial",
        }, Ct);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private DateTimeOffset At(int hour, int minute)
    {
        var local = _today.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, ClinicZone.GetUtcOffset(local));
    }

    private async Task<string> BookAsync(string first, string therapist, int hour, int minute)
    {
        var patient = await _node.Http.PostAsJsonAsync($"{_api}/patients", new { firstName = first, lastName = "Tester", birthDate = "1970-01-01" }, Ct);
        patient.EnsureSuccessStatusCode();
        var patientId = (await patient.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
        var visit = await _node.Http.PostAsJsonAsync($"{_api}/visits", new
        {
            patientId, therapistId = therapist, visitType = "follow-up", scheduledStart = At(hour, minute), overrideReason = "scripted morning",
        }, Ct);
        visit.EnsureSuccessStatusCode();
        return (await visit.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
    }

    private async Task StepAsync(int hour, int minute, string visitId, string action, object? body = null)
    {
        _clock.SetUtcNow(At(hour, minute));
        var response = await _node.Http.PostAsJsonAsync($"{_api}/visits/{visitId}/{action}", body ?? new { }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{action} at {hour}:{minute:00}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>
    /// 08:15 Avery (Ann), 08:30 Bruno and Chloe (Bob), 09:00 Desmond (Ann), 09:30 Elena (Bob), all 45-minute follow-ups.
    /// Avery: arrives 08:05, checked in 08:10, treated in Room 1 08:20-09:00, checked out 09:02.
    /// Bruno: arrives 08:25, checked in 08:35, treated in the gym from 08:40. Chloe: arrives 08:28, checked in 08:50, gym from 08:55.
    /// Desmond arrives 09:05. Elena cancels at 09:05 (late: inside 24 h). The clock then stands at 09:30.
    /// </summary>
    private async Task PlayMorningAsync()
    {
        var avery = await BookAsync("Avery", "ann", 8, 15);
        var bruno = await BookAsync("Bruno", "bob", 8, 30);
        var chloe = await BookAsync("Chloe", "bob", 8, 30);
        var desmond = await BookAsync("Desmond", "ann", 9, 0);
        var elena = await BookAsync("Elena", "bob", 9, 30);

        await StepAsync(8, 5, avery, "arrive");
        await StepAsync(8, 10, avery, "check-in");
        await StepAsync(8, 20, avery, "start", new { roomId = "room-1" });
        await StepAsync(8, 25, bruno, "arrive");
        await StepAsync(8, 28, chloe, "arrive");
        await StepAsync(8, 35, bruno, "check-in");
        await StepAsync(8, 40, bruno, "start", new { roomId = "gym" });
        await StepAsync(8, 50, chloe, "check-in");
        await StepAsync(8, 55, chloe, "start", new { roomId = "gym" });
        await StepAsync(9, 0, avery, "finish");
        await StepAsync(9, 2, avery, "check-out");
        await StepAsync(9, 5, desmond, "arrive");
        await StepAsync(9, 5, elena, "cancel", new { reason = "car trouble" });
        _clock.SetUtcNow(At(9, 30));
    }

    [Fact]
    public async Task EveryManagerFigureMatchesTheHandComputation()
    {
        await using var manager = await LiveClient.ConnectAsync(_node, _api.Split('/')[^1], DashboardView.Manager);
        await PlayMorningAsync();
        await manager.WaitUntilAsync(c => c.Manager?.AsOf == At(9, 30), "the manager's view at 09:30");
        var view = manager.Manager!;

        // The day's span: opening 08:00 to now 09:30 = 90 minutes.
        var room = view.Spaces.Single(s => s.Id == "room-1");
        Assert.Equal((0, "free", 40, 90, 44), (room.Occupied, room.State, room.OccupiedMinutes, room.AvailableMinutes, room.UtilizationPercent)); // 40 / 90 = 44.4 %
        var gym = view.Spaces.Single(s => s.Id == "gym");
        Assert.Equal((2, "occupied", 85, 360, 24), (gym.Occupied, gym.State, gym.OccupiedMinutes, gym.AvailableMinutes, gym.UtilizationPercent)); // (50 + 35) / (4 × 90) = 23.6 %

        var ann = view.Therapists.Single(t => t.Id == "ann");
        Assert.Equal((0, 1, 40, 90, 44, 90), (ann.Treating, ann.Waiting, ann.TreatingMinutes, ann.WorkingMinutes, ann.UtilizationPercent, ann.ScheduledMinutes)); // 40 / 90
        var bob = view.Therapists.Single(t => t.Id == "bob");
        Assert.Equal((2, 0, 50, 90, 56, 90), (bob.Treating, bob.Waiting, bob.TreatingMinutes, bob.WorkingMinutes, bob.UtilizationPercent, bob.ScheduledMinutes)); // 08:40-09:30 = 50 / 90 = 55.6 %; Elena's 45 cancelled

        var k = view.Kpis;
        Assert.Equal((5, 4, 1, 1, 0, 20), (k.Scheduled, k.Arrived, k.Completed, k.Cancelled, k.NoShows, k.CancelNoShowRatePercent)); // 1 / 5
        Assert.Equal((19, 3), (k.AverageWaitMinutes, k.WaitsMeasured)); // (15 + 15 + 27) / 3
        Assert.Equal((1, 2, 25, 25), (k.WaitingNow, k.InTreatmentNow, k.AverageCurrentWaitMinutes, k.LongestCurrentWaitMinutes)); // Desmond since 09:05

        // Quarter hours from 08:00, then now; the last point is the tiles' own count.
        Assert.Equal(
            [("08:00", 0, 0), ("08:15", 1, 0), ("08:30", 2, 1), ("08:45", 1, 2), ("09:00", 0, 2), ("09:15", 1, 2), ("09:30", 1, 2)],
            view.Timeline.Select(p => (TimeZoneInfo.ConvertTime(p.At, ClinicZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.Waiting, p.InTreatment)));
        Assert.Equal(Zone, view.TimeZoneId);
    }

    [Fact]
    public async Task LobbyEstimatesMatchTheHandComputationAndGrowWhileASessionOverruns()
    {
        await using var lobby = await LiveClient.ConnectAsync(_node, _api.Split('/')[^1], DashboardView.Lobby);
        await PlayMorningAsync();
        await lobby.WaitUntilAsync(c => c.Lobby?.AsOf == At(9, 30), "the lobby at 09:30");

        // Today's pace: Avery's follow-up took 40 of 45 booked minutes, shrunk toward 45 with a prior of 3 sessions:
        // (40 + 3 × 45) / (45 + 3 × 45) = 0.9722, so a follow-up is expected to take 43.75 min. Nobody was started early.
        var ann = lobby.Lobby!.Therapists.Single(t => t.DisplayName == "Ann P., PT");
        var desmond = Assert.Single(ann.Waiting);
        Assert.Equal(("Desmond T.", 0, 4), (desmond.Label, desmond.EstimatedWaitMinutes, desmond.Ticket)); // Ann is free and his 09:00 is past: next
        Assert.Equal(44, ann.NextWaitMinutes); // after Desmond's 43.75 min
        Assert.Empty(ann.NowSeeing);

        // Bob's two sessions end at 08:40 + 43.75 = 09:23.75 (overrun 6.25 min: 6.25 more) and 09:38.75 (8.75 more).
        var bob = lobby.Lobby.Therapists.Single(t => t.DisplayName == "Bob Q., PTA");
        Assert.Equal(6, bob.NextWaitMinutes);
        Assert.Equal(["Bruno T.", "Chloe T."], bob.NowSeeing.Select(e => e.Label).Order());

        // Nothing happens until 10:00: Bruno has overrun by 36.25 min and Chloe by 21.25, so the earliest free slot is
        // 21.25 min away; the quote grows with the overrun instead of standing at a few minutes.
        _clock.SetUtcNow(At(10, 0));
        await lobby.WaitUntilAsync(c => c.Lobby?.AsOf == At(10, 0), "the lobby at 10:00");
        Assert.Equal(21, lobby.Lobby!.Therapists.Single(t => t.DisplayName == "Bob Q., PTA").NextWaitMinutes);
        Assert.Equal(Zone, lobby.Lobby.TimeZoneId);
    }
}
