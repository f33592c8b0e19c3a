using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Tests.Api;

namespace PtHub.Tests.Communication;

/// <summary>
/// Recalls of patients who dropped off their plan of care, through the public API: the manager's recall goes out once
/// per period as an e-mail the test's SMTP server receives, and its link books exactly one visit under the booking rules.
/// </summary>
public sealed partial class RecallTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"/recall#(\S+)")]
    private static partial Regex RecallLink();

    /// <summary>A node whose clinic clock is 08:00 tomorrow in New York (ahead of the real clock, so sessions stay valid), and a patient who dropped off.</summary>
    internal static async Task<(CommsNode Comms, ApiClinic Clinic, string PatientId, string PlanId)> DroppedOffAsync(string? email = "rita@example.test")
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime).AddDays(1);
        var comms = await CommsNode.StartWithLinksAsync(now: new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), NewYork.GetUtcOffset(day.ToDateTime(new TimeOnly(8, 0)))));
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: email);
        using var created = await comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patient}/plans-of-care", new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 2, startDate = day.AddDays(20).ToString("yyyy-MM-dd"), preferredTime = "10:00:00",
        }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var plan = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        foreach (var visitId in plan["visitIds"]!.AsArray().Select(v => v!.GetValue<string>()))
        {
            (await clinic.CommandAsync(visitId, "cancel", new { reason = "moved away" })).EnsureSuccessStatusCode();
        }

        return (comms, clinic, patient, plan["planId"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> RecallAsync(CommsNode comms, string clinicId, string patientId, string? planId) =>
        comms.Node.Http.PostAsJsonAsync($"/api/clinics/{clinicId}/recalls/{patientId}", new { planId }, Ct);

    private static async Task<HttpResponseMessage> LinkAsync(CommsNode comms, string action, string token, DateTimeOffset? start = null)
    {
        using var anonymous = new HttpClient { BaseAddress = comms.Node.BaseAddress };
        return await anonymous.PostAsJsonAsync($"/api/recall-links/{action}", new { token, start }, Ct);
    }

    /// <summary>Sends the queued recall and returns the token of the link in the e-mail.</summary>
    private static async Task<string> SendAndReadLinkAsync(CommsNode comms)
    {
        Assert.Equal(1, await comms.Sender.DrainOnceAsync(Ct));
        var mail = comms.Smtp.Messages.Last();
        var match = RecallLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, mail.TextBody);
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task ARecallArrivesWithALinkThatBooksTheNextVisitOnceEvenWhenClickedManyTimesAtOnce()
    {
        var (comms, clinic, patient, planId) = await DroppedOffAsync();
        await using var _ = comms;
        var dropped = (await comms.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/worklists", Ct))!["droppedOff"]!.AsArray();
        Assert.Equal(planId, Assert.Single(dropped)!["planId"]!.GetValue<string>());

        using var sent = await RecallAsync(comms, clinic.Id, patient, planId);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var token = await SendAndReadLinkAsync(comms);

        var mail = comms.Smtp.Messages.Last();
        Assert.Equal(("rita@example.test", "Your next visit at API test clinic"), (mail.To.Mailboxes.Single().Address, mail.Subject));
        Assert.Contains("Ann P., PT has free times", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("follow-up", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        using var read = await LinkAsync(comms, "read", token);
        var view = (await read.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(("API test clinic", "Ann P., PT", "open"), (view["clinicName"]!.GetValue<string>(), view["therapist"]!.GetValue<string>(), view["state"]!.GetValue<string>()));
        Assert.DoesNotContain("Moreno", view.ToJsonString(), StringComparison.Ordinal);

        using var slotsAnswer = await LinkAsync(comms, "slots", token);
        var slots = (await slotsAnswer.Content.ReadFromJsonAsync<JsonArray>(Ct))!;
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.True(s!["start"]!.GetValue<DateTimeOffset>() > comms.Clock.GetUtcNow()));
        var chosen = slots[0]!;
        var start = chosen["start"]!.GetValue<DateTimeOffset>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LinkAsync(comms, "book", token, start)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var booked = (await comms.Node.Grains.GetGrain<IPatientGrain>(patient).GetVisits()).Where(v => v.Status == VisitStatus.Booked).ToList();
        var visit = Assert.Single(booked);
        Assert.Equal((start, "ann", "follow-up"), (visit.ScheduledStart, visit.TherapistId, visit.VisitTypeCode));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        using var after = await LinkAsync(comms, "read", token);
        var used = (await after.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(("used", chosen["date"]!.GetValue<string>(), chosen["time"]!.GetValue<string>()),
            (used["state"]!.GetValue<string>(), used["bookedDate"]!.GetValue<string>(), used["bookedTime"]!.GetValue<string>()));
        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        Assert.Contains(audit, e => e.Action == "recall-link.book" && e.UserId == "patient via recall link" && e.Outcome == AuditOutcomes.Ok);
        Assert.Contains(audit, e => e.Action == "recall.send" && e.UserId == "admin");
        Assert.Empty((await comms.Node.Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/worklists", Ct))!["droppedOff"]!.AsArray());
    }

    [Fact]
    public async Task ASecondRecallWithinTheClinicsPeriodIsRefusedWithTheDateTheNextMayGoAndOneAfterItGoes()
    {
        var (comms, clinic, patient, planId) = await DroppedOffAsync();
        await using var _ = comms;
        using (var settings = await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging", new
        {
            remindersEnabled = true, reminderLeadHours = new[] { 48.0 }, quietFrom = "00:00", quietUntil = "00:00", recallEveryDays = 10,
        }, Ct))
        {
            Assert.Equal(10, (await settings.Content.ReadFromJsonAsync<JsonObject>(Ct))!["recallEveryDays"]!.GetValue<int>());
        }

        // A PUT that leaves the period out keeps it.
        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging",
            new { remindersEnabled = true, reminderLeadHours = new[] { 48.0 }, quietFrom = "00:00", quietUntil = "00:00" }, Ct)).EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(comms.Clock.GetUtcNow(), NewYork).DateTime);
        (await RecallAsync(comms, clinic.Id, patient, planId)).EnsureSuccessStatusCode();

        await comms.MoveClockAsync(comms.Clock.GetUtcNow().AddDays(9));
        using var early = await RecallAsync(comms, clinic.Id, patient, planId);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var detail = (await ApiClinic.ProblemAsync(early)).GetProperty("detail").GetString();
        Assert.Contains($"on {today:yyyy-MM-dd}", detail, StringComparison.Ordinal);
        Assert.Contains($"next can go from {today.AddDays(10):yyyy-MM-dd}", detail, StringComparison.Ordinal);
        Assert.Single(await comms.MessagesAsync(clinic.Id), m => m.Template == MessagingSettings.RecallTemplate);

        await comms.MoveClockAsync(comms.Clock.GetUtcNow().AddDays(1));
        (await RecallAsync(comms, clinic.Id, patient, planId)).EnsureSuccessStatusCode();
        Assert.Equal(2, (await comms.MessagesAsync(clinic.Id)).Count(m => m.Template == MessagingSettings.RecallTemplate));
        var listed = (await comms.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/recalls", Ct))!;
        Assert.Equal(comms.Clock.GetUtcNow(), Assert.Single(listed)!["sentAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task ARecallThatIsNotNeededOrBadlyAskedIsRefusedAndQueuesNothing()
    {
        var (comms, clinic, patient, planId) = await DroppedOffAsync();
        await using var _ = comms;
        using var noPlan = await RecallAsync(comms, clinic.Id, patient, null);
        using var unknownPlan = await RecallAsync(comms, clinic.Id, patient, "no-such-plan");
        using var otherClinic = await RecallAsync(comms, (await comms.ClinicAsync()).Id, patient, planId);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (noPlan.StatusCode, unknownPlan.StatusCode, otherClinic.StatusCode));
        Assert.True((await ApiClinic.ProblemAsync(noPlan)).GetProperty("errors").TryGetProperty("planId", out var planError) && planError.GetArrayLength() == 1);

        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patient}/contact-preferences", new { optedOut = true }, Ct)).EnsureSuccessStatusCode();
        using var optedOut = await RecallAsync(comms, clinic.Id, patient, planId);
        Assert.Equal(HttpStatusCode.Conflict, optedOut.StatusCode);
        Assert.Contains("opted out", (await ApiClinic.ProblemAsync(optedOut)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        (await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/patients/{patient}/contact-preferences", new { optedOut = false }, Ct)).EnsureSuccessStatusCode();
        await comms.BookAsync(clinic, patient, comms.StartIn(3));
        using var bookedAhead = await RecallAsync(comms, clinic.Id, patient, planId);
        Assert.Equal(HttpStatusCode.Conflict, bookedAhead.StatusCode);
        Assert.Contains("booked ahead", (await ApiClinic.ProblemAsync(bookedAhead)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await comms.MessagesAsync(clinic.Id), m => m.Template == MessagingSettings.RecallTemplate);
        Assert.Empty((await comms.Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/recalls", Ct))!);
    }

    [Fact]
    public async Task ARecallLinkAlteredOfAnotherKindWithoutAStartOrExpiredBooksNothing()
    {
        var (comms, clinic, patient, planId) = await DroppedOffAsync();
        await using var _ = comms;
        (await RecallAsync(comms, clinic.Id, patient, planId)).EnsureSuccessStatusCode();
        var token = await SendAndReadLinkAsync(comms);
        using var slotsAnswer = await LinkAsync(comms, "slots", token);
        var start = (await slotsAnswer.Content.ReadFromJsonAsync<JsonArray>(Ct))![0]!["start"]!.GetValue<DateTimeOffset>();
        var parts = token.Split('.');
        var altered = $"{parts[0]}.{parts[1][..^2]}{(parts[1][^2] == 'A' ? 'B' : 'A')}{parts[1][^1]}.{parts[2]}";

        using var tampered = await LinkAsync(comms, "book", altered, start);
        using var visitKind = await LinkAsync(comms, "book", "v1." + parts[1] + "." + parts[2], start);
        using var noStart = await LinkAsync(comms, "book", token);
        using var notOffered = await LinkAsync(comms, "book", token, start.AddMinutes(7));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Conflict),
            (tampered.StatusCode, visitKind.StatusCode, noStart.StatusCode, notOffered.StatusCode));

        await comms.MoveClockAsync(comms.Clock.GetUtcNow().AddDays(14));
        using var expired = await LinkAsync(comms, "book", token, start);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.DoesNotContain(await comms.Node.Grains.GetGrain<IPatientGrain>(patient).GetVisits(), v => v.Status == VisitStatus.Booked);
    }
}
