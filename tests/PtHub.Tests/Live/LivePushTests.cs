using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Live;

[Collection(LiveNodeCollection.Name)]
public sealed class LivePushTests(LiveNodeFixture fixture)
{
    private AppNode Address => fixture.Node;

    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task ACommandReachesEveryViewAsItsNextVersionWithItsOwnPayload()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Rita", "Moreno"));
        await using var board = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Board);
        await using var lobby = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Lobby);
        await using var manager = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Manager);
        var versions = (board.Version, lobby.Version, manager.Version);

        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();

        await board.WaitUntilAsync(c => c.Rows.Single().Status == VisitStatus.Arrived, "the arrival on the board");
        await lobby.WaitUntilAsync(c => c.Lobby!.Therapists.Any(t => t.Waiting.Count == 1), "the patient waiting in the lobby");
        await manager.WaitUntilAsync(c => c.Manager!.Kpis.Arrived == 1, "one arrival in the KPIs");
        Assert.Equal(versions.Item1 + 1, board.PushedVersions.First(v => v > versions.Item1));
        Assert.Equal(versions.Item2 + 1, lobby.PushedVersions.First(v => v > versions.Item2));
        Assert.Equal(versions.Item3 + 1, manager.PushedVersions.First(v => v > versions.Item3));
        Assert.Equal("Moreno, Rita", board.Rows.Single().PatientName);
        Assert.Equal("R. M.", lobby.Lobby!.Therapists.Single(t => t.Waiting.Count == 1).Waiting.Single().Label);
        Assert.Equal(0, board.Resyncs + lobby.Resyncs + manager.Resyncs);
    }

    [Fact]
    public async Task TheLobbyNeverCarriesPatientInformation()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        await using var lobby = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Lobby);
        var people = new[] { ("Bartholomew", "Quackenbush", "1948-02-29", "555-0199"), ("Philippa", "Zylberstein", "1987-11-03", "555-0123") };
        var secrets = new List<string>();
        foreach (var (first, last, born, phone) in people)
        {
            var response = await Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients", new { firstName = first, lastName = last, birthDate = born, phone });
            var patientId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["patientId"]!.GetValue<string>();
            var visitId = await clinic.BookAsync(patientId);
            secrets.AddRange([first, last, born, phone, patientId, visitId, "Moved away"]);
            foreach (var action in new[] { "arrive", "check-in" })
            {
                (await clinic.CommandAsync(visitId, action)).EnsureSuccessStatusCode();
            }

            (await clinic.CommandAsync(visitId, "start", new { roomId = "gym" })).EnsureSuccessStatusCode();
        }

        var cancelled = await clinic.BookAsync(await clinic.AddPatientAsync("Ignatius", "Fothergill"));
        secrets.AddRange(["Ignatius", "Fothergill"]);
        (await clinic.CommandAsync(cancelled, "cancel", new { reason = "Moved away" })).EnsureSuccessStatusCode();

        await lobby.WaitUntilAsync(c => c.Lobby!.Therapists.Sum(t => t.NowSeeing.Count) == 2, "both patients being seen");
        Assert.NotEmpty(lobby.RawMessages);
        foreach (var message in lobby.RawMessages.Append(lobby.StateJson))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task AReconnectedClientEndsInTheSameStateAsOneThatNeverLeft()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var first = await clinic.BookAsync(await clinic.AddPatientAsync());
        var second = await clinic.BookAsync(await clinic.AddPatientAsync("Tom", "Hanks"));
        DashboardView[] views = [DashboardView.Board, DashboardView.Lobby, DashboardView.Manager];
        var steady = new List<LiveClient>();
        var flaky = new List<LiveClient>();
        foreach (var view in views)
        {
            steady.Add(await LiveClient.ConnectAsync(Address, clinic.Id, view));
            flaky.Add(await LiveClient.ConnectAsync(Address, clinic.Id, view));
        }

        foreach (var client in flaky)
        {
            await client.DisconnectAsync();
        }

        foreach (var (visit, action) in new[] { (first, "arrive"), (second, "arrive"), (first, "check-in") })
        {
            (await clinic.CommandAsync(visit, action)).EnsureSuccessStatusCode();
        }

        (await clinic.CommandAsync(second, "left-without-being-seen")).EnsureSuccessStatusCode();
        var expected = await clinic.BoardRowsAsync();
        await steady[0].WaitUntilAsync(c => c.Rows.Any(r => r.Status == VisitStatus.LeftWithoutBeingSeen), "the last change");
        foreach (var client in flaky)
        {
            await client.ReconnectAsync();
        }

        for (var i = 0; i < views.Length; i++)
        {
            var (a, b) = (steady[i], flaky[i]);
            await a.WaitUntilAsync(c => c.Version == b.Version || c.Version > b.Version, "the same version");
            await b.WaitUntilAsync(c => c.Version == a.Version, "the same version");
            Assert.Equal(a.StateJson, b.StateJson);
        }

        Assert.Equal(JsonSerializer.Serialize(steady[0].Rows.Select(r => r.VisitId)),
            JsonSerializer.Serialize(JsonNode.Parse(expected)!.AsArray().Select(r => r!["visitId"]!.GetValue<string>())));
        foreach (var client in steady.Concat(flaky))
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task AThousandRapidCommandsArriveInOrderAndEndEqualToTheServer()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var patients = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            patients.Add(await clinic.AddPatientAsync($"P{i}", $"Q{i}"));
        }

        await using var board = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Board);
        await using var lobby = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Lobby);
        await using var manager = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Manager);

        // 200 visits × (book, arrive, check-in, start, finish) = 1,000 commands, eight at a time.
        var flows = Enumerable.Range(0, 200).Select(i => (Func<Task>)(async () =>
        {
            var visitId = await clinic.BookAsync(patients[i % patients.Count]);
            foreach (var (action, body) in new (string, object?)[] { ("arrive", null), ("check-in", null), ("start", new { roomId = "gym" }), ("finish", null) })
            {
                var response = await clinic.CommandAsync(visitId, action, body);
                while (action == "start" && response.StatusCode == System.Net.HttpStatusCode.Conflict)
                {
                    // The gym or Bob is full: another flow's finish frees a place.
                    await Task.Yield();
                    response = await clinic.CommandAsync(visitId, action, body);
                }

                response.EnsureSuccessStatusCode();
            }
        })).ToList();
        await Parallel.ForEachAsync(flows, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (flow, _) => await flow());

        var server = (await Http.GetFromJsonAsync<BoardView>($"/api/clinics/{clinic.Id}/board", LiveClient.Json))!;
        await board.WaitUntilAsync(c => c.Version == server.Version, "the server's board version");
        Assert.Equal(JsonSerializer.Serialize(server.Rows, LiveClient.Json), JsonSerializer.Serialize(board.Rows, LiveClient.Json));
        foreach (var client in new[] { board, lobby, manager })
        {
            var pushed = client.PushedVersions;
            Assert.All(pushed.Zip(pushed.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{client.View}: {pair.Second} after {pair.First}"));
        }

        Assert.Equal(200, board.Rows.Count(r => r.Status == VisitStatus.Finished));
    }

    [Fact]
    public async Task ALongWaitAlertIsPushedWhenTimePassesWithNoCommand()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        await using var board = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Board);
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();
        await board.WaitUntilAsync(c => c.Rows.Single().Status == VisitStatus.Arrived, "the arrival");
        Assert.DoesNotContain(board.Rows.Single().Alerts, a => a.Code == "long-wait");

        fixture.Clock.Advance(TimeSpan.FromMinutes(11));

        await board.WaitUntilAsync(c => c.Rows.Single().Alerts.Any(a => a.Code == "long-wait"), "the long-wait alert");
    }

    [Fact]
    public async Task TheWaitQuotedAtArrivalIsRecordedOnTheVisit()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var busy = await clinic.BookAsync(await clinic.AddPatientAsync(), therapistId: "ann");
        var next = await clinic.BookAsync(await clinic.AddPatientAsync("Tom", "Hanks"), therapistId: "ann");
        foreach (var action in new[] { "arrive", "check-in" })
        {
            (await clinic.CommandAsync(busy, action)).EnsureSuccessStatusCode();
        }

        (await clinic.CommandAsync(busy, "start", new { roomId = "room-1" })).EnsureSuccessStatusCode();

        (await clinic.CommandAsync(next, "arrive")).EnsureSuccessStatusCode();

        var quoted = (await clinic.VisitAsync(next))["quotedWaitMinutes"]!.GetValue<int>();
        Assert.InRange(quoted, 44, 45);
    }

    [Fact]
    public async Task ASubscriberSeesChangesAfterTheLiveGrainIsDeactivatedAndRebuilt()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync("Lena", "Horne"));
        await using var board = await LiveClient.ConnectAsync(Address, clinic.Id, DashboardView.Board);
        var before = board.Version;
        var config = (await Address.Grains.GetGrain<IClinicGrain>(clinic.Id).GetConfig())!;
        var live = Address.Grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinic.Id, config.LocalDate(fixture.Clock.GetUtcNow())));

        await live.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        (await clinic.CommandAsync(visitId, "arrive")).EnsureSuccessStatusCode();

        await board.WaitUntilAsync(c => c.Rows.SingleOrDefault()?.Status == VisitStatus.Arrived, "the arrival, pushed by the rebuilt live grain");
        Assert.True(board.Version >= (before >> 32) + 1 << 32, "the rebuilt views start a new epoch");
        Assert.Equal("Horne, Lena", board.Rows.Single().PatientName);
    }

    [Fact]
    public async Task SubscribingToAnUnknownClinicIsRefused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(Address, "no-such-clinic", DashboardView.Board));

        Assert.Contains("No clinic", error.Message);
    }
}
