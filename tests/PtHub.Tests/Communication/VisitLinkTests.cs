using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Messaging;
using PtHub.Tests.Api;

namespace PtHub.Tests.Communication;

/// <summary>
/// A reminder's link lets the patient confirm, cancel or reschedule without signing in, once, until the visit starts,
/// through the desk's own commands; every other token (altered, for another clinic, expired, used) is told so and changes nothing.
/// </summary>
public sealed class VisitLinkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> LinkAsync(CommsNode comms, string action, string? token, DateTimeOffset? start = null)
    {
        using var anonymous = new HttpClient { BaseAddress = comms.Node.BaseAddress };
        return await anonymous.PostAsJsonAsync($"/api/visit-links/{action}", new { token, start }, Ct);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["detail"]!.GetValue<string>();
    }

    private static async Task<JsonObject> VisitAsync(CommsNode comms, ApiClinic clinic, string visitId) =>
        (await comms.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/visits/{visitId}", Ct))!;

    /// <summary>The board of the clinic day of <paramref name="start"/>.</summary>
    private static async Task<JsonObject> BoardAsync(CommsNode comms, ApiClinic clinic, DateTimeOffset start)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        return (await comms.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/board?date={date:yyyy-MM-dd}", Ct))!;
    }

    /// <summary>A link signed by the node's own key, as the outbox signs one (for a visit booked with a start given here).</summary>
    private static Task<string> SignAsync(CommsNode comms, string clinicId, string visitId, DateTimeOffset start, DateTimeOffset? expires = null) =>
        comms.Node.Services.GetRequiredService<PatientLinkSigner>().SignAsync(new VisitLink(clinicId, visitId, start, expires ?? start, Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task TheEmailedLinkConfirmsTheVisitOnceShowsOnTheBoardAndIsAuditedAsThePatient()
    {
        await using var comms = await CommsNode.StartAsync(settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "rita@example.test");
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, patient, start);

        var token = await comms.SendFirstReminderAsync(clinic, visit);
        Assert.Contains("https://pt.example.test/visit#", comms.Smtp.Messages.Single().TextBody, StringComparison.Ordinal);

        var read = await JsonAsync(await LinkAsync(comms, "read", token));
        Assert.Equal(("API test clinic", "Ann P., PT", "open", false), (read["clinicName"]!.GetValue<string>(), read["therapist"]!.GetValue<string>(),
            read["state"]!.GetValue<string>(), read["confirmed"]!.GetValue<bool>()));
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal((local.ToString("dddd, MMMM d", System.Globalization.CultureInfo.InvariantCulture), local.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture)),
            (read["date"]!.GetValue<string>(), read["time"]!.GetValue<string>()));
        Assert.DoesNotContain("Moreno", read.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(patient, read.ToJsonString(), StringComparison.Ordinal);

        var confirmed = await JsonAsync(await LinkAsync(comms, "confirm", token));
        Assert.Equal((true, "used"), (confirmed["confirmed"]!.GetValue<bool>(), confirmed["state"]!.GetValue<string>()));
        var after = await VisitAsync(comms, clinic, visit);
        Assert.Equal("booked", after["visit"]!["status"]!.GetValue<string>());
        Assert.NotNull(after["visit"]!["confirmedAt"]?.GetValue<DateTimeOffset>());
        var last = after["events"]!.AsArray()[^1]!;
        Assert.Equal(("confirm", "patient via link"), (last["action"]!.GetValue<string>(), last["actor"]!.GetValue<string>()));
        var row = (await BoardAsync(comms, clinic, start))["rows"]!.AsArray().Single(r => r!["visitId"]!.GetValue<string>() == visit)!;
        Assert.NotNull(row["confirmedAt"]?.GetValue<DateTimeOffset>());

        var again = await LinkAsync(comms, "confirm", token);
        Assert.Contains("already used", await DetailAsync(again, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var cancelAfterUse = await LinkAsync(comms, "cancel", token);
        Assert.Contains("already used", await DetailAsync(cancelAfterUse, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(after.ToJsonString(), (await VisitAsync(comms, clinic, visit)).ToJsonString());

        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        // Audited before effect: the confirmation, then the refused second use as an attempt followed by "it did not happen".
        var confirms = audit.Where(e => e.Action == "visit-link.confirm").OrderBy(e => e.Sequence).ToList();
        Assert.Equal([AuditOutcomes.Ok, AuditOutcomes.Ok, AuditOutcomes.Failed], confirms.Select(e => e.Outcome));
        var entry = confirms[0];
        Assert.Equal(("patient via link", "Patient", patient), (entry.UserId, entry.Role, entry.PatientId));
        Assert.Contains(audit, e => e.Action == "visit-link.read" && e.UserId == "patient via link");
    }

    [Fact]
    public async Task ATamperedOtherClinicsOrExpiredTokenGetsAClearAnswerAndChangesNothing()
    {
        await using var comms = await CommsNode.StartAsync(settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        var clinic = await comms.ClinicAsync();
        var other = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "rita@example.test");
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, patient, start);
        var token = await comms.SendFirstReminderAsync(clinic, visit);
        var before = (await VisitAsync(comms, clinic, visit)).ToJsonString();

        // One character of the payload changed: the signature no longer matches.
        var parts = token.Split('.');
        var altered = $"{parts[0]}.{(parts[1][5] == 'A' ? parts[1].Remove(5, 1).Insert(5, "B") : parts[1].Remove(5, 1).Insert(5, "A"))}.{parts[2]}";
        // Signed with the node's own key, but naming another clinic than the visit's.
        var otherClinics = await SignAsync(comms, other.Id, visit, start);
        foreach (var bad in new[] { altered, otherClinics, "not a token", "" })
        {
            foreach (var action in new[] { "read", "confirm", "cancel", "slots" })
            {
                Assert.Contains("This link is not valid", await DetailAsync(await LinkAsync(comms, action, bad), HttpStatusCode.NotFound), StringComparison.Ordinal);
            }
        }

        await comms.MoveClockAsync(start);
        foreach (var action in new[] { "read", "confirm", "cancel" })
        {
            Assert.Contains("expired", await DetailAsync(await LinkAsync(comms, action, token), HttpStatusCode.Gone), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await VisitAsync(comms, clinic, visit)).ToJsonString());
        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        Assert.DoesNotContain(audit, e => e.Action.StartsWith("visit-link.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancellingByTheLinkFreesTheSlotUnderTheLateCancelRule()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        var soon = new DateTimeOffset(comms.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddMinutes(
            Math.Ceiling(comms.Clock.GetUtcNow().UtcDateTime.TimeOfDay.TotalMinutes / 15) * 15).AddHours(5);
        var later = comms.StartIn(4);
        var lateVisit = await comms.BookAsync(clinic, patient, soon);
        var earlyVisit = await comms.BookAsync(clinic, patient, later);

        var read = await JsonAsync(await LinkAsync(comms, "read", await SignAsync(comms, clinic.Id, lateVisit, soon)));
        Assert.True(read["cancelIsLate"]!.GetValue<bool>());
        await JsonAsync(await LinkAsync(comms, "cancel", await SignAsync(comms, clinic.Id, lateVisit, soon)));
        var cancelledEarly = await JsonAsync(await LinkAsync(comms, "cancel", await SignAsync(comms, clinic.Id, earlyVisit, later)));

        Assert.True(cancelledEarly["cancelled"]!.GetValue<bool>());
        var late = (await VisitAsync(comms, clinic, lateVisit))["visit"]!;
        var early = (await VisitAsync(comms, clinic, earlyVisit))["visit"]!;
        Assert.Equal(("cancelled", true), (late["status"]!.GetValue<string>(), late["lateCancellation"]!.GetValue<bool>()));
        Assert.Equal(("cancelled", false), (early["status"]!.GetValue<string>(), early["lateCancellation"]!.GetValue<bool>()));
        var board = await BoardAsync(comms, clinic, later);
        Assert.Contains(board["openings"]!.AsArray(), o => o!["opening"]!["start"]!.GetValue<DateTimeOffset>() == later);
    }

    [Fact]
    public async Task ReschedulingByTheLinkOffersTheTherapistsFreeStartsAndBooksOneUnderTheBookingRules()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic);
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, patient, start);
        var token = await SignAsync(comms, clinic.Id, visit, start);
        var now = comms.Clock.GetUtcNow();

        using var offered = await LinkAsync(comms, "slots", token);
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var slots = JsonNode.Parse(await offered.Content.ReadAsStringAsync(Ct))!.AsArray();
        Assert.NotEmpty(slots);
        var starts = slots.Select(s => s!["start"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.All(starts, s => Assert.True(s > now && s != start));
        Assert.Equal(starts.Order(), starts);

        // Somebody else takes the first offered time meanwhile: the booking rules refuse it, and nothing changes.
        var taken = starts[0];
        await comms.BookAsync(clinic, await comms.PatientAsync(clinic), taken);
        Assert.NotEmpty(await DetailAsync(await LinkAsync(comms, "reschedule", token, taken), HttpStatusCode.Conflict));
        // A time that was never offered (the middle of a quarter hour) is refused too.
        Assert.NotEmpty(await DetailAsync(await LinkAsync(comms, "reschedule", token, starts[^1].AddMinutes(7)), HttpStatusCode.Conflict));
        Assert.Equal(start, (await VisitAsync(comms, clinic, visit))["visit"]!["scheduledStart"]!.GetValue<DateTimeOffset>());

        var chosen = starts[^1];
        var moved = await JsonAsync(await LinkAsync(comms, "reschedule", token, chosen));

        Assert.Equal((true, "used"), (moved["confirmed"]!.GetValue<bool>(), moved["state"]!.GetValue<string>()));
        var after = (await VisitAsync(comms, clinic, visit))["visit"]!;
        Assert.Equal((chosen, "ann", "booked"), (after["scheduledStart"]!.GetValue<DateTimeOffset>(), after["therapistId"]!.GetValue<string>(), after["status"]!.GetValue<string>()));
        Assert.Contains("already used", await DetailAsync(await LinkAsync(comms, "reschedule", token, starts[^2]), HttpStatusCode.Conflict), StringComparison.Ordinal);
        // The reminders follow the new time.
        Assert.All((await comms.MessagesAsync(clinic.Id)).Where(m => m.VisitId == visit && m.Status == OutboxStatus.Pending), m => Assert.Equal(chosen, m.ExpiresAt));
    }

    [Fact]
    public async Task ALinkForAVisitMovedSinceItWasSentNoLongerActs()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, await comms.PatientAsync(clinic), start);
        var token = await SignAsync(comms, clinic.Id, visit, start);
        (await comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{visit}/reschedule", new { scheduledStart = start.AddDays(1), overrideReason = "test" }, Ct))
            .EnsureSuccessStatusCode();

        var read = await JsonAsync(await LinkAsync(comms, "read", token));

        Assert.Equal("changed", read["state"]!.GetValue<string>());
        Assert.Contains("has changed", await DetailAsync(await LinkAsync(comms, "confirm", token), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Null((await VisitAsync(comms, clinic, visit))["visit"]!["confirmedAt"]?.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task TheDeskConfirmsOnThePhoneAndAMoveClearsTheConfirmation()
    {
        await using var comms = await CommsNode.StartAsync();
        var clinic = await comms.ClinicAsync();
        var start = comms.StartIn(4);
        var visit = await comms.BookAsync(clinic, await comms.PatientAsync(clinic), start);

        (await clinic.CommandAsync(visit, "confirm")).EnsureSuccessStatusCode();
        using var twice = await clinic.CommandAsync(visit, "confirm");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.NotNull((await VisitAsync(comms, clinic, visit))["visit"]!["confirmedAt"]?.GetValue<DateTimeOffset>());

        (await comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits/{visit}/reschedule", new { scheduledStart = start.AddHours(1), overrideReason = "test" }, Ct))
            .EnsureSuccessStatusCode();
        Assert.Null((await VisitAsync(comms, clinic, visit))["visit"]!["confirmedAt"]?.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task TheLinkPageIsRateLimitedPerAddress()
    {
        await using var comms = await CommsNode.StartAsync(settings: ("PtHub:Hardening:PatientLinkRequestsPerMinute", "3"));

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await LinkAsync(comms, "read", "guess-" + i);
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var refused = await LinkAsync(comms, "read", "guess-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
