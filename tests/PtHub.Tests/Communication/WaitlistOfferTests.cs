using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Silo.Messaging;

namespace PtHub.Tests.Communication;

/// <summary>
/// A freed slot goes to the waitlist in waves through the outbox (N at a time, the next N only after the wait, none
/// after the stop lead), to the real SMTP server with the minimum merge fields; the first acceptance is booked and every
/// later one is told it was taken; the desk can stop the offers, which withdraws what was not sent.
/// </summary>
public sealed class WaitlistOfferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string Local(DateTimeOffset at, string format) =>
        TimeZoneInfo.ConvertTime(at, OfferScene.NewYork).ToString(format, CultureInfo.InvariantCulture);

    [Fact]
    public async Task WavesGoOutNAtATimeTheNextOnlyAfterTheWaitAndNoneAfterTheStopLead()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now, settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        // Starts in 70 minutes, offers stop 30 before: waves at +0, +15 and +30; the one due at +45 would be past the stop at +40.
        var scene = await OfferScene.CreateAsync(comms, waveSize: 2, waveMinutes: 15, stopBeforeMinutes: 30, startInMinutes: 70);
        var optedOut = await scene.WaitingAsync("Olga", "Out", priority: 1);
        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{scene.Clinic.Id}/patients/{optedOut.PatientId}/contact-preferences", new { optedOut = true }, Ct))
            .EnsureSuccessStatusCode();
        var waiting = new List<(string PatientId, string EntryId, string Email)>();
        // Best first: priority, then who waited longest (a second apart on the clinic clock).
        foreach (var (name, priority) in new[] { ("Ava", 2), ("Ben", 2), ("Cy", 3), ("Dee", 3), ("Eve", 4) })
        {
            comms.Clock.Advance(TimeSpan.FromSeconds(1));
            var (patientId, entryId) = await scene.WaitingAsync(name, "Waits", priority);
            waiting.Add((patientId, entryId, $"{name.ToLowerInvariant()}@example.test"));
        }

        var begun = comms.Clock.GetUtcNow();

        var started = await scene.StartAsync();
        Assert.Equal(OfferState.Offering, started.State);
        Assert.Equal([(waiting[0].EntryId, 1), (waiting[1].EntryId, 1)], started.Recipients.Select(r => (r.EntryId, r.Wave)));

        await comms.Sender.DrainOnceAsync(Ct);
        var first = comms.Smtp.Messages.ToList();
        Assert.Equal([waiting[0].Email, waiting[1].Email], first.Select(m => m.To.Mailboxes.Single().Address).Order());
        var body = first[0].TextBody ?? "";
        Assert.Contains("API test clinic", body, StringComparison.Ordinal);
        Assert.Contains(Local(scene.Start, "dddd, MMMM d"), body, StringComparison.Ordinal);
        Assert.Contains(Local(scene.Start, "h:mm tt"), body, StringComparison.Ordinal);
        Assert.Contains("Ann P., PT", body, StringComparison.Ordinal);
        Assert.Contains("https://pt.example.test/offer#w1.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Waits", body, StringComparison.Ordinal);
        Assert.DoesNotContain("follow-up", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("An earlier appointment at API test clinic", first[0].Subject);

        // One minute short of the wait: nothing new.
        await comms.MoveClockAsync(begun.AddMinutes(14));
        Assert.Equal(2, (await scene.GetAsync()).Recipients.Count);
        await comms.MoveClockAsync(begun.AddMinutes(15));
        var second = await scene.GetAsync();
        Assert.Equal([(waiting[2].EntryId, 2), (waiting[3].EntryId, 2)], second.Recipients.Skip(2).Select(r => (r.EntryId, r.Wave)));
        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Equal(4, comms.Smtp.Messages.Count);

        await comms.MoveClockAsync(begun.AddMinutes(30));
        var third = await scene.GetAsync();
        Assert.Equal([(waiting[4].EntryId, 3)], third.Recipients.Skip(4).Select(r => (r.EntryId, r.Wave)));
        Assert.DoesNotContain(third.Recipients, r => r.PatientId == optedOut.PatientId);
        Assert.Equal(scene.Start.AddMinutes(-30), third.StopAt);

        // The stop lead: the offers close, the last wave's unsent message is withdrawn, nothing more goes out.
        await comms.MoveClockAsync(third.StopAt);
        var closed = await scene.GetAsync();
        Assert.Equal(OfferState.Closed, closed.State);
        Assert.Null(closed.NextWaveAt);
        var lastKey = third.Recipients[4].MessageKey;
        Assert.Equal(OutboxStatus.Withdrawn, (await comms.Store.GetAsync(lastKey, Ct))!.Status);
        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Equal(4, comms.Smtp.Messages.Count);
        var opening = (await scene.BoardOpeningAsync())!;
        Assert.Equal(("closed", 5), (opening["offer"]!["state"]!.GetValue<string>(), opening["offer"]!["offered"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ASlotTheDeskBooksItselfGetsNoFurtherWaveAndItsUnsentOffersAreWithdrawn()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now, settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        var scene = await OfferScene.CreateAsync(comms, waveSize: 1, waveMinutes: 15, stopBeforeMinutes: 30, startInMinutes: 120);
        var ava = await scene.WaitingAsync("Ava", "Waits", 1);
        await scene.WaitingAsync("Ben", "Waits", 2);
        var first = Assert.Single((await scene.StartAsync()).Recipients);
        Assert.Equal(ava.EntryId, first.EntryId);

        // A patient on the phone gets the time from the desk before anyone answers the offer.
        await comms.BookAsync(scene.Clinic, await comms.PatientAsync(scene.Clinic, phone: "555-0199"), scene.Start);
        await comms.MoveClockAsync(now.AddMinutes(15));

        var after = await scene.GetAsync();
        Assert.Equal(OfferState.Closed, after.State);
        Assert.Equal([ava.EntryId], after.Recipients.Select(r => r.EntryId));
        Assert.Equal(OutboxStatus.Withdrawn, (await comms.Store.GetAsync(first.MessageKey, Ct))!.Status);
    }

    [Fact]
    public async Task WhereTheClinicOffersAutomaticallyACancelledSlotGoesToTheWaitlistWithoutTheDesk()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now, settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        var waiting = new List<string>();
        var scene = await OfferScene.CreateAsync(comms, waveSize: 1, waveMinutes: 15, stopBeforeMinutes: 30, startInMinutes: 120, automatic: true,
            beforeFreed: async s =>
            {
                waiting.Add((await s.WaitingAsync("Ava", "Waits", 1)).EntryId);
                waiting.Add((await s.WaitingAsync("Ben", "Waits", 2)).EntryId);
            });

        // Nobody taps "Offer to waitlist": the desk's live board shows the first wave go out.
        await using var board = await Infrastructure.LiveClient.ConnectAsync(comms.Node, scene.Clinic.Id, DashboardView.Board);
        await board.WaitUntilAsync(b => b.Openings.Any(o => o.Opening.OpeningId == scene.OpeningId && o.Offer is { Offered: 1 }), "the automatic first wave");
        var offer = await scene.GetAsync();
        Assert.Equal((OfferState.Offering, "pthub (automatic offers)"), (offer.State, offer.StartedBy));
        Assert.Equal([(waiting[0], 1)], offer.Recipients.Select(r => (r.EntryId, r.Wave)));
        var message = await comms.Store.GetAsync(offer.Recipients[0].MessageKey, Ct);
        Assert.Equal((MessagingSettings.OfferTemplate, OutboxStatus.Pending), (message!.Template, message.Status));
    }

    [Fact]
    public async Task AWaveDueWhileTheNodeWasDownGoesOutAfterTheRestartWithNobodyCalling()
    {
        var database = Infrastructure.TempPaths.NewDatabase();
        var now = OfferScene.Tomorrow();
        string clinicId, secondEntry, openingId;
        // Reminders every second (the keeper period), so the test need not wait the default minute for one.
        await using (var first = await CommsNode.StartAsync(database: database, now: now, settings: ("PtHub:KeeperSeconds", "1")))
        {
            var scene = await OfferScene.CreateAsync(first, waveSize: 1, waveMinutes: 15, stopBeforeMinutes: 30, startInMinutes: 120);
            await scene.WaitingAsync("Ava", "Waits", 1);
            (_, secondEntry) = await scene.WaitingAsync("Ben", "Waits", 2);
            Assert.Single((await scene.StartAsync()).Recipients);
            (clinicId, openingId) = (scene.Clinic.Id, scene.OpeningId);
        }

        // Back 20 minutes later: the second wave fell due while the node was down. Only the offers' reminder wakes the grain.
        await using var second = await CommsNode.StartAsync(database: database, now: now.AddMinutes(20), settings: ("PtHub:KeeperSeconds", "1"));
        // The desk's board, live: it hears the second wave go out (the offer line's count) when the reminder sends it.
        await using var board = await Infrastructure.LiveClient.ConnectAsync(second.Node, clinicId, DashboardView.Board);
        await board.WaitUntilAsync(b => b.Openings.Any(o => o.Opening.OpeningId == openingId && o.Offer is { Offered: 2 }),
            "the second wave sent by the offers' reminder");
        var key = PtHub.Grains.Communication.OfferLinks.MessageKey(clinicId, openingId, 1, secondEntry);
        var message = await second.Store.GetAsync(key, Ct);
        Assert.NotNull(message);
        Assert.Equal((OutboxStatus.Pending, now.AddMinutes(20)), (message.Status, message.DueAt));
    }

    [Fact]
    public async Task OffersGoByEachPatientsChannelAndWaitOutTheQuietHours()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now, settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        var scene = await OfferScene.CreateAsync(comms, waveSize: 2, waveMinutes: 15, stopBeforeMinutes: 60, startInMinutes: 300);
        // Quiet from 08:00 to 10:00 clinic time: it is 09:00.
        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{scene.Clinic.Id}/messaging", new
        {
            remindersEnabled = false, reminderLeadHours = new[] { 2.0 }, quietFrom = "08:00", quietUntil = "10:00",
            offers = new { enabled = true, waveSize = 2, waveMinutes = 15, stopBeforeMinutes = 60 },
        }, Ct)).EnsureSuccessStatusCode();
        var ava = await scene.WaitingAsync("Ava", "Waits", 1, email: "ava@example.test", phone: "555-0101");
        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{scene.Clinic.Id}/patients/{ava.PatientId}/contact-preferences", new { channel = "Email", optedOut = false }, Ct))
            .EnsureSuccessStatusCode();
        await scene.WaitingAsync("Ben", "Waits", 2, phone: "555-0102");
        await scene.StartAsync();

        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Empty(comms.Smtp.Messages);
        Assert.Empty(comms.Sms.Requests);

        await comms.MoveClockAsync(now.AddHours(1));
        await comms.Sender.DrainOnceAsync(Ct);
        var mail = Assert.Single(comms.Smtp.Messages);
        Assert.Equal("ava@example.test", mail.To.Mailboxes.Single().Address);
        var text = Assert.Single(comms.Sms.Requests);
        Assert.EndsWith("0102", new string([.. text.To.Where(char.IsAsciiDigit)]), StringComparison.Ordinal);
        Assert.Contains("https://pt.example.test/offer#w1.", text.Body, StringComparison.Ordinal);
        Assert.Contains(Local(scene.Start, "h:mm tt"), text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveHundredConcurrentAcceptancesBookOnceAndTellTheOther499ItWasTaken()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now);
        var scene = await OfferScene.CreateAsync(comms, waveSize: 100, waveMinutes: 1, stopBeforeMinutes: 0, startInMinutes: 180);
        var entries = new (string PatientId, string EntryId)[500];
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (i, _) => entries[i] = await scene.WaitingAsync($"P{i:000}", "Many", priority: 1 + (i % 3), email: $"p{i}@example.test"));
        await using var live = await Infrastructure.LiveClient.ConnectAsync(comms.Node, scene.Clinic.Id, DashboardView.Board);

        await scene.StartAsync();
        for (var minute = 1; minute <= 4; minute++)
        {
            await comms.MoveClockAsync(now.AddMinutes(minute));
        }

        var offered = await scene.GetAsync();
        Assert.Equal(500, offered.Recipients.Count);
        Assert.Equal(5, offered.Recipients.Max(r => r.Wave));
        var tokens = await Task.WhenAll(entries.Select(e => scene.SignAsync(e.EntryId, expires: offered.StopAt)));

        using var anonymous = new HttpClient { BaseAddress = comms.Node.BaseAddress };
        var answers = await Task.WhenAll(tokens.Select(async token =>
        {
            using var response = await anonymous.PostAsJsonAsync("/api/offer-links/accept", new { token }, Ct);
            return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject());
        }));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal("yours", won.Body["state"]!.GetValue<string>());
        var lost = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(499, lost.Count(a => a.StatusCode == HttpStatusCode.Conflict && a.Body["state"]!.GetValue<string>() == "taken"));
        Assert.All(lost, a => Assert.Equal("Sorry, this slot was taken: another patient accepted it first. You stay on the waitlist.", a.Body["detail"]!.GetValue<string>()));

        var booked = Assert.Single(await scene.VisitsInSlotAsync());
        var after = await scene.GetAsync();
        Assert.Equal(OfferState.Accepted, after.State);
        var winner = Assert.Single(after.Recipients, r => r.Answer == "accepted");
        Assert.Equal(winner.PatientId, booked["patientId"]!.GetValue<string>());
        Assert.Equal(after.AcceptedVisitId, booked["visitId"]!.GetValue<string>());
        Assert.Equal(499, after.Recipients.Count(r => r.Answer == "taken"));

        // One board change: the live board gains that one visit in the slot, and no other visit ever appears there.
        await live.WaitUntilAsync(c => c.Rows.Any(r => r.VisitId == after.AcceptedVisitId), "the accepted visit on the board");
        Assert.Single(live.Rows, r => r.ScheduledStart == scene.Start && r.Status == VisitStatus.Booked);
        var upserted = live.RawMessages.Select(m => JsonNode.Parse(m)!["upserts"]?.AsArray()).Where(u => u is not null)
            .SelectMany(u => u!).Where(r => r!["scheduledStart"]!.GetValue<DateTimeOffset>() == scene.Start && r["status"]!.GetValue<string>() == "booked")
            .Select(r => r!["visitId"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal([after.AcceptedVisitId!], upserted);

        // The other 499 offers (never sent here) are withdrawn, and the winner's own too.
        var messages = await comms.Store.ListAsync(scene.Clinic.Id, null, 1000, Ct);
        Assert.Equal(500, messages.Count(m => m.Template == MessagingSettings.OfferTemplate && m.Status == OutboxStatus.Withdrawn));
        var opening = (await scene.BoardOpeningAsync())!;
        Assert.Equal(("accepted", $"Many, P{Array.FindIndex(entries, e => e.EntryId == winner.EntryId):000}"),
            (opening["offer"]!["state"]!.GetValue<string>(), opening["offer"]!["acceptedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ATamperedReusedExpiredOrOtherClinicsTokenIsToldSoAndChangesNothing()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now);
        var scene = await OfferScene.CreateAsync(comms, waveSize: 2, waveMinutes: 15, stopBeforeMinutes: 60, startInMinutes: 180);
        var ava = await scene.WaitingAsync("Ava", "Waits", 1);
        var ben = await scene.WaitingAsync("Ben", "Waits", 2);
        var view = await scene.StartAsync();
        var avaToken = await scene.SignAsync(ava.EntryId, expires: view.StopAt);
        var benToken = await scene.SignAsync(ben.EntryId, expires: view.StopAt);

        var read = await JsonAsync(await scene.LinkAsync("read", avaToken));
        Assert.Equal(("API test clinic", "Ann P., PT", "open", Local(scene.Start, "h:mm tt")),
            (read["clinicName"]!.GetValue<string>(), read["therapist"]!.GetValue<string>(), read["state"]!.GetValue<string>(), read["time"]!.GetValue<string>()));
        Assert.DoesNotContain("Waits", read.ToJsonString(), StringComparison.Ordinal);

        var signature = avaToken[(avaToken.LastIndexOf('.') + 1)..];
        var tampered = avaToken[..(avaToken.LastIndexOf('.') + 1)] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        var otherClinic = await scene.SignAsync(ava.EntryId, clinicId: "api-someoneelse", expires: view.StopAt);
        var visitLink = await comms.Node.Services.GetRequiredService<PatientLinkSigner>()
            .SignAsync(new VisitLink(scene.Clinic.Id, scene.OpeningId, scene.Start, view.StopAt, "nonce"));
        var notOffered = await scene.SignAsync("no-such-entry", expires: view.StopAt);
        foreach (var token in new[] { tampered, otherClinic, visitLink, notOffered, "", "w1.garbage.x" })
        {
            var problem = await ProblemAsync(await scene.LinkAsync("accept", token), HttpStatusCode.NotFound);
            Assert.StartsWith("This link is not valid.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(await scene.VisitsInSlotAsync());
        Assert.All((await scene.GetAsync()).Recipients, r => Assert.Null(r.Answer));

        var accepted = await JsonAsync(await scene.LinkAsync("accept", avaToken));
        Assert.Equal("yours", accepted["state"]!.GetValue<string>());
        Assert.Contains("It's yours", accepted["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var reused = await ProblemAsync(await scene.LinkAsync("accept", avaToken), HttpStatusCode.Conflict);
        Assert.Equal("This link was already used: this time is yours.", reused["detail"]!.GetValue<string>());
        var taken = await ProblemAsync(await scene.LinkAsync("accept", benToken), HttpStatusCode.Conflict);
        Assert.Equal("taken", taken["state"]!.GetValue<string>());
        Assert.Single(await scene.VisitsInSlotAsync());

        // Past the stop lead the link has expired (Ben's answer stays "taken"; nothing more is booked).
        await comms.MoveClockAsync(view.StopAt);
        var expired = await ProblemAsync(await scene.LinkAsync("accept", benToken), HttpStatusCode.Gone);
        Assert.Contains("expired", expired["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await scene.VisitsInSlotAsync());
        Assert.Equal(["accepted", "taken"], (await scene.GetAsync()).Recipients.Select(r => r.Answer));
    }

    [Fact]
    public async Task StoppingOffersFromTheBoardWithdrawsTheUnsentOnesAndLaterAcceptancesAreTurnedAway()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now);
        var scene = await OfferScene.CreateAsync(comms, waveSize: 3, waveMinutes: 15, stopBeforeMinutes: 60, startInMinutes: 240);
        var ava = await scene.WaitingAsync("Ava", "Waits", 1);
        await scene.WaitingAsync("Ben", "Waits", 2, phone: "555-0199");
        var view = await scene.StartAsync();
        Assert.Equal(2, view.Recipients.Count);
        Assert.Equal(("offering", 2), ((await scene.BoardOpeningAsync())!["offer"]!["state"]!.GetValue<string>(),
            (await scene.BoardOpeningAsync())!["offer"]!["offered"]!.GetValue<int>()));

        var stopped = await scene.StopAsync();
        Assert.Equal(OfferState.Stopped, stopped.State);
        foreach (var recipient in stopped.Recipients)
        {
            Assert.Equal(OutboxStatus.Withdrawn, (await comms.Store.GetAsync(recipient.MessageKey, Ct))!.Status);
        }

        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Empty(comms.Smtp.Messages);
        Assert.Empty(comms.Sms.Requests);
        Assert.Equal("stopped", (await scene.BoardOpeningAsync())!["offer"]!["state"]!.GetValue<string>());

        // No wave after the stop, and a late acceptance is told the time is no longer offered.
        await comms.MoveClockAsync(now.AddMinutes(30));
        Assert.Equal(2, (await scene.GetAsync()).Recipients.Count);
        var closed = await ProblemAsync(await scene.LinkAsync("accept", await scene.SignAsync(ava.EntryId, expires: view.StopAt)), HttpStatusCode.Conflict);
        Assert.Equal("closed", closed["state"]!.GetValue<string>());
        Assert.Empty(await scene.VisitsInSlotAsync());
    }

    [Fact]
    public async Task AnAcceptanceTheBookingRulesRefuseIsAnsweredInWordsAndLeavesTheOffersOpen()
    {
        var now = OfferScene.Tomorrow();
        await using var comms = await CommsNode.StartAsync(now: now);
        var scene = await OfferScene.CreateAsync(comms, waveSize: 2, waveMinutes: 15, stopBeforeMinutes: 60, startInMinutes: 180);
        var ava = await scene.WaitingAsync("Ava", "Waits", 1);
        var view = await scene.StartAsync();
        // The desk fills Ann's freed time itself (Ann sees one patient at a time), before Ava answers.
        await comms.BookAsync(scene.Clinic, await comms.PatientAsync(scene.Clinic), scene.Start);

        var refused = await ProblemAsync(await scene.LinkAsync("accept", await scene.SignAsync(ava.EntryId, expires: view.StopAt)), HttpStatusCode.Conflict);
        Assert.Equal("failed", refused["state"]!.GetValue<string>());
        Assert.StartsWith("We could not book this time for you:", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await scene.VisitsInSlotAsync());
        var after = await scene.GetAsync();
        Assert.Equal((OfferState.Offering, "failed"), (after.State, after.Recipients.Single().Answer));
    }

    [Fact]
    public async Task OffersAreOffByDefaultAndTheSettingsNameAWrongField()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var settings = (await comms.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/messaging", Ct))!;
        Assert.Equal((false, 3, 15, 60), (settings["offers"]!["enabled"]!.GetValue<bool>(), settings["offers"]!["waveSize"]!.GetValue<int>(),
            settings["offers"]!["waveMinutes"]!.GetValue<int>(), settings["offers"]!["stopBeforeMinutes"]!.GetValue<int>()));
        Assert.Equal("offer", settings["offerTemplate"]!["name"]!.GetValue<string>());

        foreach (var (offers, field) in new (object, string)[]
        {
            (new { enabled = true, waveSize = 0, waveMinutes = 15, stopBeforeMinutes = 60 }, "offers.waveSize"),
            (new { enabled = true, waveSize = 3, waveMinutes = 0, stopBeforeMinutes = 60 }, "offers.waveMinutes"),
            (new { enabled = true, waveSize = 3, waveMinutes = 15, stopBeforeMinutes = -1 }, "offers.stopBeforeMinutes"),
            (new { waveSize = 3, waveMinutes = 15, stopBeforeMinutes = 60 }, "offers.enabled"),
        })
        {
            using var response = await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging",
                new { remindersEnabled = true, reminderLeadHours = new[] { 2.0 }, quietFrom = "21:00", quietUntil = "08:00", offers }, Ct);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.False((await comms.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/messaging", Ct))!["offers"]!["enabled"]!.GetValue<bool>());

        // Off: the desk's button is refused in words, and nothing is sent.
        var start = comms.Clock.GetUtcNow().AddHours(3);
        var freed = await comms.BookAsync(clinic, await comms.PatientAsync(clinic), start);
        (await clinic.CommandAsync(freed, "cancel", new { reason = "Patient called" })).EnsureSuccessStatusCode();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, OfferScene.NewYork).DateTime);
        var off = await ProblemAsync(await comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/openings/{freed}/offers", new { date = day }, Ct),
            HttpStatusCode.Conflict);
        Assert.Contains("offers are off", off["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var missingDate = await ProblemAsync(await comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/openings/{freed}/offers", new { }, Ct),
            HttpStatusCode.BadRequest);
        Assert.Equal(["date"], missingDate["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain(await comms.MessagesAsync(clinic.Id), m => m.Template == MessagingSettings.OfferTemplate);
    }
}
