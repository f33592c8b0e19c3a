using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;
using PtHub.Web.Security;

namespace PtHub.Tests.Security;

/// <summary>
/// Every read and change of patient information leaves an audit entry: which endpoints handle PHI is declared on
/// them, checked against the endpoint list here, and a whole day of calls through each of them must show up in
/// the clinic's audit log with who, role, patient and source.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class AuditCoverageTests(NodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The endpoints that touch no patient information (configuration, accounts' own sign-in, docs, health...).</summary>
    private static readonly HashSet<string> WithoutPhi =
    [
        "GET /api/clinics", "GET /api/clinics/{clinicId}", "GET /api/clinics/{clinicId}/free-slots",
        "PUT /api/clinics/{clinicId}/therapists/{therapistId}/running-late", "POST /api/billing/units", "GET /api/audit/verify",
        "POST /api/account/sign-in", "POST /api/account/sign-out", "GET /api/account/me", "POST /api/account/password",
        "GET /api/account/providers", "GET /api/account/oidc", "GET /api/users", "GET /api/clinics/{clinicId}/displays",
        "GET /api/clinics/{clinicId}/kpi-targets", "PUT /api/clinics/{clinicId}/kpi-targets", "DELETE /api/clinics/{clinicId}/kpi-targets",
        "GET /api/clinics/{clinicId}/messaging", "PUT /api/clinics/{clinicId}/messaging", "GET /api/clinics/{clinicId}/billing-codes",
    ];

    /// <summary>
    /// Audited reads of many rows that name no patient: figures, stock, equipment, and the audit log itself (its
    /// entries carry patient ids, but reading them is the compliance officer's job and is recorded on the system chain).
    /// </summary>
    private static readonly HashSet<string> AuditedReadsWithoutPatients =
    [
        "kpi.read", "kpi.export", "supplies.read", "supplies.low-stock", "supplies.reorder", "supplies.history", "equipment.read", "equipment.due",
        "audit.read", "audit.export",
        // Staff records and referral counts by source and provider name no patient.
        "staff.self", "staff.read", "staff.alerts", "staff.training-status", "staff.settings.read", "referral.providers", "referral.conversion",
        // The injury log is employees' health information: its reads are audited as staff-data reads, naming no patient.
        "injury-log.read", "injury-log.export", "injury-log.summary", "injury-log.summary-export", "injury-log.person",
        "staff.onboarding.self", "staff.onboarding.progress", "staff.onboarding.items.read", "staff.onboarding.read",
    ];

    private AppNode Node => fixture.Node;

    [Fact]
    public void EveryApiEndpointEitherIsAuditedOrIsKnownToTouchNoPatientInformation()
    {
        var unaudited = ApiEndpoints().Where(e => e.Action is null && !WithoutPhi.Contains(e.Name)).Select(e => e.Name).ToList();

        Assert.Empty(unaudited);
    }

    [Fact]
    public async Task EachAuditedPathLeavesAnEntryWithWhoWhatAndWhichPatient()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        var http = Node.Http;
        var api = $"/api/clinics/{clinic.Id}";
        var patientId = await clinic.AddPatientAsync();
        await Ok(http.PostAsJsonAsync("/api/clinics", new { clinicId = $"new-{Guid.NewGuid():N}"[..20], name = "Audited new clinic", timeZoneId = "UTC" }, Ct));
        await Ok(http.GetAsync($"{api}/patients/{patientId}", Ct));
        await Ok(http.PutAsJsonAsync($"{api}/patients/{patientId}", new { firstName = "Rita", lastName = "Moreno", birthDate = "1961-12-11", phone = "555-0143" }, Ct));
        await Ok(http.GetAsync($"{api}/patients/{patientId}/visits", Ct));
        await Ok(http.GetAsync($"{api}/patients/{patientId}/billing-status", Ct));
        await Ok(http.PutAsJsonAsync($"{api}/patients/{patientId}/coverage", new { payer = "Acme Health", plan = "PPO", memberId = "M-1", billingMethod = "cms", copay = 20, isMedicare = false }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/patients/{patientId}/coverage/verification", new { status = "verified" }, Ct));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Ok(http.PostAsJsonAsync($"{api}/patients/{patientId}/authorizations", new { id = "a1", from = today.AddDays(-1), to = today.AddDays(60), visitsAuthorized = 20 }, Ct));
        await Ok(http.PostAsync($"{api}/patients/{patientId}/progress-reports", null, Ct));
        await Ok(http.PutAsJsonAsync($"{api}/patients/{patientId}/plan-of-care", new { start = today }, Ct));
        using var plan = await http.PostAsJsonAsync($"{api}/patients/{patientId}/plans-of-care", new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 1, weeks = 1, startDate = today.AddDays(14).ToString("yyyy-MM-dd"), preferredTime = "10:00:00",
        }, Ct);
        var planVisit = (await plan.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitIds"]![0]!.GetValue<string>();
        await Ok(http.GetAsync($"{api}/patients/{patientId}/plans-of-care", Ct));
        await Ok(http.GetAsync($"{api}/patients?q=moreno", Ct));
        await Ok(http.PutAsJsonAsync($"{api}/patients/{patientId}", new { firstName = "Rita", lastName = "Moreno", birthDate = "1961-12-11", phone = "555-0142" }, Ct));
        var duplicateId = await clinic.AddPatientAsync();
        await Ok(http.PostAsJsonAsync($"{api}/patients/{patientId}/merge", new { duplicateId }, Ct));
        await Ok(http.GetAsync($"{api}/under-scheduled", Ct));
        await Ok(http.GetAsync($"{api}/board", Ct));
        await Ok(http.GetAsync($"{api}/therapists/ann/day", Ct));
        await Ok(http.GetAsync($"{api}/schedule", Ct));

        // One visit through the whole day, and one of each way a visit ends early.
        var visitId = await clinic.BookAsync(patientId, "ann");
        foreach (var (action, body) in new (string, object?)[]
        {
            ("arrive", null), ("collect-copay", new { amount = 20m, method = "card" }), ("check-in", null), ("assign", new { roomId = "room-1" }),
            ("start", null), ("finish", null), ("record-services", new { services = new[] { new { code = "97110", minutes = 30 } } }), ("check-out", null),
        })
        {
            await Ok(clinic.CommandAsync(visitId, action, body));
        }

        await Ok(http.GetAsync($"{api}/visits/{visitId}", Ct));
        foreach (var (action, body) in new (string, object?)[]
        {
            ("cancel", new { reason = "Sick" }), ("entered-in-error", new { reason = "Wrong patient" }),
        })
        {
            await Ok(clinic.CommandAsync(await clinic.BookAsync(patientId), action, body));
        }

        var undone = await clinic.BookAsync(patientId);
        await Ok(clinic.CommandAsync(undone, "arrive"));
        await Ok(clinic.CommandAsync(undone, "undo"));

        var missed = await http.PostAsJsonAsync($"{api}/visits", new
        {
            patientId, therapistId = "bob", visitType = "follow-up", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(-30), overrideReason = "entered late",
        }, Ct);
        await Ok(clinic.CommandAsync((await missed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>(), "no-show"));

        var leaving = await clinic.BookAsync(patientId);
        await Ok(clinic.CommandAsync(leaving, "arrive"));
        await Ok(clinic.CommandAsync(leaving, "left-without-being-seen", new { reason = "Could not wait" }));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(14), TimeSpan.Zero);
        var later = await clinic.BookAsync(patientId);
        await Ok(http.PostAsJsonAsync($"{api}/visits/{later}/reschedule", new { scheduledStart = start }, Ct));
        await Ok(clinic.CommandAsync(later, "cancel", new { reason = "Moved" }));
        await Ok(http.PostAsJsonAsync($"{api}/walk-ins", new { patientId, therapistId = "bob", visitType = "follow-up" }, Ct));

        var waiting = await http.PostAsJsonAsync($"{api}/waitlist", new { patientId, visitType = "follow-up", therapistId = "bob", priority = 1 }, Ct);
        var entryId = (await waiting.Content.ReadFromJsonAsync<JsonObject>(Ct))!["entryId"]!.GetValue<string>();
        await Ok(http.GetAsync($"{api}/waitlist", Ct));
        await Ok(http.PostAsJsonAsync($"{api}/waitlist/{entryId}/book", new { start, therapistId = "bob" }, Ct));
        var other = await http.PostAsJsonAsync($"{api}/waitlist", new { patientId, visitType = "follow-up", priority = 2 }, Ct);
        await Ok(http.DeleteAsync($"{api}/waitlist/{(await other.Content.ReadFromJsonAsync<JsonObject>(Ct))!["entryId"]!.GetValue<string>()}", Ct));

        // The visits booked for tomorrow have reminders in the outbox.
        await Ok(http.GetAsync($"{api}/patients/{patientId}/messages", Ct));
        await Ok(http.GetAsync($"{api}/patients/{patientId}/contact-preferences", Ct));
        await Ok(http.PutAsJsonAsync($"{api}/patients/{patientId}/contact-preferences", new { channel = "Sms", optedOut = false }, Ct));
        var queue = (await http.GetFromJsonAsync<JsonArray>($"{api}/messages", Ct))!;
        await Ok(http.GetAsync($"{api}/messages/{Uri.EscapeDataString(queue[0]!["key"]!.GetValue<string>())}", Ct));

        // A patient's reminder link, read, used to move the visit, and a second link (for the new time) used to cancel it;
        // the desk's confirmation of another visit.
        var linked = await clinic.BookAsync(patientId);
        var linkedStart = (await clinic.VisitAsync(linked))["visit"]!["scheduledStart"]!.GetValue<DateTimeOffset>();
        var signer = Node.Services.GetRequiredService<PtHub.Silo.Messaging.PatientLinkSigner>();
        var link = await signer.SignAsync(new VisitLink(clinic.Id, linked, linkedStart, linkedStart.AddDays(30), Guid.NewGuid().ToString("N")));
        using (var patientBrowser = new HttpClient { BaseAddress = Node.BaseAddress })
        {
            await Ok(patientBrowser.PostAsJsonAsync("/api/visit-links/read", new { token = link }, Ct));
            using var offered = await patientBrowser.PostAsJsonAsync("/api/visit-links/slots", new { token = link }, Ct);
            var newStart = (await offered.Content.ReadFromJsonAsync<JsonArray>(Ct))![0]!["start"]!.GetValue<DateTimeOffset>();
            await Ok(patientBrowser.PostAsJsonAsync("/api/visit-links/reschedule", new { token = link, start = newStart }, Ct));
            var second = await signer.SignAsync(new VisitLink(clinic.Id, linked, newStart, newStart, Guid.NewGuid().ToString("N")));
            await Ok(patientBrowser.PostAsJsonAsync("/api/visit-links/cancel", new { token = second }, Ct));
            var confirming = await clinic.BookAsync(patientId);
            var confirmingStart = (await clinic.VisitAsync(confirming))["visit"]!["scheduledStart"]!.GetValue<DateTimeOffset>();
            var third = await signer.SignAsync(new VisitLink(clinic.Id, confirming, confirmingStart, confirmingStart.AddDays(1), Guid.NewGuid().ToString("N")));
            await Ok(patientBrowser.PostAsJsonAsync("/api/visit-links/confirm", new { token = third }, Ct));
        }

        await Ok(clinic.CommandAsync(await clinic.BookAsync(patientId), "confirm"));

        // The desk offers an opening (the patient's own cancelled visit) to the waitlist; the patient accepts by the
        // offer's link; the desk's stop afterwards changes nothing but is audited all the same.
        await Ok(http.PutAsJsonAsync($"{api}/messaging", new
        {
            remindersEnabled = true, reminderLeadHours = new[] { 48.0 }, quietFrom = "00:00", quietUntil = "00:00",
            offers = new { enabled = true, waveSize = 3, waveMinutes = 15, stopBeforeMinutes = 60 },
        }, Ct));
        var freedStart = start.AddHours(3);
        using var freed = await http.PostAsJsonAsync($"{api}/visits", new
        {
            patientId, therapistId = "ann", visitType = "follow-up", scheduledStart = freedStart, overrideReason = "test: to be freed",
        }, Ct);
        var freedId = (await freed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
        await Ok(clinic.CommandAsync(freedId, "cancel", new { reason = "Sick" }));
        using var offerWaiting = await http.PostAsJsonAsync($"{api}/waitlist", new { patientId, visitType = "follow-up", priority = 1 }, Ct);
        var offerEntry = (await offerWaiting.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["entryId"]!.GetValue<string>();
        var offerDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(freedStart, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        using var offerStarted = await http.PostAsJsonAsync($"{api}/openings/{freedId}/offers", new { date = offerDay }, Ct);
        var offerStopAt = (await offerStarted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["stopAt"]!.GetValue<DateTimeOffset>();
        await Ok(http.GetAsync($"{api}/openings/{freedId}/offers", Ct));
        var offerToken = await signer.SignOfferAsync(new OfferLink(clinic.Id, freedId, 1, offerEntry, offerStopAt));
        using (var patientBrowser = new HttpClient { BaseAddress = Node.BaseAddress })
        {
            await Ok(patientBrowser.PostAsJsonAsync("/api/offer-links/read", new { token = offerToken }, Ct));
            await Ok(patientBrowser.PostAsJsonAsync("/api/offer-links/accept", new { token = offerToken }, Ct));
        }

        await Ok(http.PostAsync($"{api}/openings/{freedId}/offers/stop", null, Ct));

        // Opting out without the desk: the unsubscribe link, and a STOP reply from a number only this test's patient has.
        using (var patientBrowser = new HttpClient { BaseAddress = Node.BaseAddress })
        {
            await Ok(patientBrowser.PostAsJsonAsync("/api/unsubscribe", new { token = await signer.SignOptOutAsync(clinic.Id, patientId) }, Ct));
            var phone = $"+1 (212) {Random.Shared.Next(200, 999)}-{Random.Shared.Next(1000, 9999)}";
            var texting = await http.PostAsJsonAsync($"{api}/patients", new { firstName = "Stella", lastName = "Stop", birthDate = "1970-01-01", phone, confirmedNew = true }, Ct);
            Assert.True(texting.IsSuccessStatusCode);
            using var inbound = new HttpRequestMessage(HttpMethod.Post, "/api/sms/inbound") { Content = JsonContent.Create(new { from = phone, to = "+15550100", body = "STOP" }) };
            inbound.Headers.Add("X-PtHub-Sms-Secret", NodeFixture.AuditCoverageInboundSecret);
            await Ok(patientBrowser.SendAsync(inbound, Ct));
        }

        await Ok(http.GetAsync($"{api}/charges.csv?date={today:yyyy-MM-dd}", Ct));
        var token = (await (await http.PostAsync($"{api}/therapists/ann/calendar-token", null, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        using (var calendar = new HttpClient { BaseAddress = Node.BaseAddress })
        {
            await Ok(calendar.GetAsync($"{api}/therapists/ann/calendar.ics?token={token}", Ct));
        }

        await Ok(http.DeleteAsync($"{api}/therapists/ann/calendar-token", Ct));
        var paired = await (await http.PostAsJsonAsync($"{api}/displays", new { name = "TV" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        await Ok(http.DeleteAsync($"{api}/displays/{paired!["display"]!["displayId"]!.GetValue<string>()}", Ct));
        using var user = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        var userId = user.UserName.ToLowerInvariant();
        await Ok(http.PutAsJsonAsync($"/api/users/{userId}", new { displayName = "Renamed", role = "FrontDesk", clinicIds = new[] { clinic.Id } }, Ct));
        await Ok(http.PostAsync($"/api/users/{userId}/password-reset", null, Ct));
        await Ok(http.GetAsync($"{api}/kpis?by=week", Ct));
        await Ok(http.GetAsync($"{api}/kpis.csv", Ct));
        await Ok(http.GetAsync($"{api}/kpis/visits?from={today:yyyy-MM-dd}", Ct));
        await Ok(http.GetAsync("/api/kpis?by=month", Ct));
        // The plan's only visit cancelled, and every other open one: the patient is on "Dropped off", and that row is
        // marked done; then recalled, and the recall's link books their next visit.
        await Ok(clinic.CommandAsync(planVisit, "cancel", new { reason = "Moved away" }));
        foreach (var open in (await Node.Grains.GetGrain<IPatientGrain>(patientId).GetVisits()).Where(v => !v.IsClosed))
        {
            await Ok(clinic.CommandAsync(open.VisitId, open.Status == VisitStatus.Booked ? "cancel" : "left-without-being-seen", new { reason = "Moved away" }));
        }

        var worklists = (await http.GetFromJsonAsync<JsonObject>($"{api}/worklists", Ct))!;
        var dropped = worklists["droppedOff"]![0]!;
        await Ok(http.PostAsJsonAsync($"{api}/worklists/done/{patientId}", new { rowKey = dropped["key"]!.GetValue<string>() }, Ct));
        // Opted out by the link and STOP above: back in, so the recall may go.
        await Ok(http.PutAsJsonAsync($"{api}/patients/{patientId}/contact-preferences", new { channel = "Sms", optedOut = false }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/recalls/{patientId}", new { planId = dropped["planId"]!.GetValue<string>() }, Ct));
        await Ok(http.GetAsync($"{api}/recalls", Ct));
        var recall = Assert.Single(await Node.Grains.GetGrain<IClinicRecallGrain>(clinic.Id).GetSent());
        var recallToken = await signer.SignRecallAsync(recall.Link);
        using (var patientBrowser = new HttpClient { BaseAddress = Node.BaseAddress })
        {
            await Ok(patientBrowser.PostAsJsonAsync("/api/recall-links/read", new { token = recallToken }, Ct));
            using var offered = await patientBrowser.PostAsJsonAsync("/api/recall-links/slots", new { token = recallToken }, Ct);
            var recallStart = (await offered.Content.ReadFromJsonAsync<JsonArray>(Ct))![0]!["start"]!.GetValue<DateTimeOffset>();
            await Ok(patientBrowser.PostAsJsonAsync("/api/recall-links/book", new { token = recallToken, start = recallStart }, Ct));
        }
        await Ok(http.GetAsync("/api/kpis.csv", Ct));
        await Ok(http.PostAsync($"/api/users/{userId}/unlock", null, Ct));
        var supply = (await (await http.PostAsJsonAsync($"{api}/supplies", new { name = "Tape", unit = "roll", reorderPoint = 2, reorderQuantity = 10 }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["itemId"]!.GetValue<string>();
        await Ok(http.PutAsJsonAsync($"{api}/supplies/{supply}", new { name = "Tape", unit = "roll", supplier = "Acme", reorderPoint = 2, reorderQuantity = 10 }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/supplies/{supply}/receive", new { quantity = 3 }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/supplies/{supply}/use", new { quantity = 1 }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/supplies/{supply}/count", new { quantity = 2 }, Ct));
        await Ok(http.GetAsync($"{api}/supplies", Ct));
        await Ok(http.GetAsync($"{api}/supplies/low-stock", Ct));
        await Ok(http.GetAsync($"{api}/supplies/reorder.csv", Ct));
        await Ok(http.GetAsync($"{api}/supplies/history", Ct));
        var equipment = (await (await http.PostAsJsonAsync($"{api}/equipment", new { type = "Treadmill", serial = "T-1", roomId = "gym", intervalMonths = 6 }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["itemId"]!.GetValue<string>();
        await Ok(http.PutAsJsonAsync($"{api}/equipment/{equipment}", new { type = "Treadmill", serial = "T-1", location = "Gym", intervalMonths = 6 }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/equipment/{equipment}/service", new { date = today.AddDays(-1), by = "Fix-it Co." }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/equipment/{equipment}/status", new { status = "OutOfService" }, Ct));
        await Ok(http.GetAsync($"{api}/equipment", Ct));
        await Ok(http.GetAsync($"{api}/equipment/due", Ct));
        var person = (await (await http.PostAsJsonAsync($"{api}/staff", new { name = "Ann Park", jobRole = "PT", employmentStart = "2024-01-02", userId = "admin", therapistId = "ann" }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["staffId"]!.GetValue<string>();
        await Ok(http.PutAsJsonAsync($"{api}/staff/{person}", new { name = "Ann Park", jobRole = "PT", employmentStart = "2024-01-02", userId = "admin", therapistId = "ann" }, Ct));
        var licence = (await (await http.PostAsJsonAsync($"{api}/staff/{person}/credentials", new { type = "pt-licence", number = "PT-1", expiry = today.AddDays(20) }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["credentials"]![0]!["credentialId"]!.GetValue<string>();
        await Ok(http.DeleteAsync($"{api}/staff/{person}/credentials/{licence}", Ct));
        await Ok(http.PostAsJsonAsync($"{api}/staff/{person}/training", new { type = "hipaa", completedOn = today.AddDays(-1) }, Ct));
        await Ok(http.GetAsync($"{api}/staff", Ct));
        await Ok(http.GetAsync($"{api}/staff/me", Ct));
        await Ok(http.GetAsync($"{api}/staff/alerts", Ct));
        await Ok(http.GetAsync($"{api}/staff/training/hipaa", Ct));
        var staffSettings = (await http.GetFromJsonAsync<JsonObject>($"{api}/staff/settings", Ct))!;
        await Ok(http.PutAsJsonAsync($"{api}/staff/settings", staffSettings, Ct));
        await Ok(http.GetAsync($"{api}/staff/onboarding/items", Ct));
        await Ok(http.PostAsJsonAsync($"{api}/staff/onboarding/items", new { name = "Uniform issued" }, Ct));
        await Ok(http.PutAsJsonAsync($"{api}/staff/onboarding/items/npi", new { name = "NPI recorded", retired = true }, Ct));
        await Ok(http.PostAsync($"{api}/staff/{person}/onboarding/hipaa/complete", null, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/staff/{person}/onboarding/hipaa/undo", new { reason = "Certificate was last year's" }, Ct));
        await Ok(http.GetAsync($"{api}/staff/{person}/onboarding", Ct));
        await Ok(http.GetAsync($"{api}/staff/me/onboarding", Ct));
        await Ok(http.GetAsync($"{api}/staff/onboarding", Ct));
        var provider = (await (await http.PostAsJsonAsync($"{api}/referrals/providers", new { name = "Dr. Jane Smith", npi = "1234567893" }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["providerId"]!.GetValue<string>();
        await Ok(http.PutAsJsonAsync($"{api}/referrals/providers/{provider}", new { name = "Dr. Jane Smith", npi = "1234567893", practice = "Lakeside" }, Ct));
        var referral = (await (await http.PostAsJsonAsync($"{api}/referrals", new
        {
            receivedOn = today.AddDays(-1), patientId, reason = "Knee pain", source = "Physician", providerId = provider,
        }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["referralId"]!.GetValue<string>();
        await Ok(http.GetAsync($"{api}/referrals/providers", Ct));
        await Ok(http.GetAsync($"{api}/referrals", Ct));
        await Ok(http.GetAsync($"{api}/referrals/conversion", Ct));
        await Ok(http.GetAsync($"{api}/referrals/{referral}/letter", Ct));
        await Ok(http.PostAsJsonAsync($"{api}/billing-codes", new { code = "97165", timed = false, evaluation = true, description = "OT evaluation, low", discipline = "OT" }, Ct));
        await Ok(http.DeleteAsync($"{api}/billing-codes/97165", Ct));
        var injury = (await (await http.PostAsJsonAsync($"{api}/injury-log", new { date = today.AddDays(-1), person = "Ann Park", description = "Wrist sprain", caseType = "Injury", outcome = "OtherRecordable" }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["caseId"]!.GetValue<string>();
        await Ok(http.PutAsJsonAsync($"{api}/injury-log/{injury}", new { date = today.AddDays(-1), person = "Ann Park", description = "Wrist sprain", caseType = "Injury", outcome = "JobTransferOrRestriction", daysRestricted = 3 }, Ct));
        await Ok(http.GetAsync($"{api}/injury-log", Ct));
        await Ok(http.GetAsync($"{api}/injury-log.csv", Ct));
        await Ok(http.PutAsJsonAsync($"{api}/injury-log/summary", new { year = today.Year - 1, averageEmployees = 4, hoursWorked = 8000 }, Ct));
        await Ok(http.GetAsync($"{api}/injury-log/summary", Ct));
        await Ok(http.GetAsync($"{api}/injury-log/summary.csv", Ct));
        await Ok(http.GetAsync($"{api}/injury-log/people/{person}", Ct));
        await Ok(http.GetAsync($"{api}/audit", Ct));
        await Ok(http.GetAsync($"{api}/audit.csv", Ct));

        var entries = (await http.GetFromJsonAsync<JsonArray>($"{api}/audit?limit=5000", Ct))!
            .Concat((await http.GetFromJsonAsync<JsonArray>($"/api/clinics/_system/audit?limit=5000", Ct))!).ToList();
        var seen = entries.Where(e => e!["outcome"]!.GetValue<string>() == "ok").Select(e => e!["action"]!.GetValue<string>()).ToHashSet();
        var missing = ApiEndpoints().Select(e => e.Action).OfType<string>().Distinct().Where(a => !seen.Contains(a)).ToList();
        Assert.Empty(missing);

        var read = entries.First(e => e!["action"]!.GetValue<string>() == "patient.read")!;
        Assert.Equal(("admin", "Admin", patientId, clinic.Id), (read["userId"]!.GetValue<string>(), read["role"]!.GetValue<string>(),
            read["patientId"]!.GetValue<string>(), read["clinicId"]!.GetValue<string>()));
        Assert.Equal("127.0.0.1", read["source"]!.GetValue<string>());
        Assert.All(entries.Where(e => e!["action"]!.GetValue<string>().StartsWith("visit.", StringComparison.Ordinal)),
            e => Assert.Equal(patientId, e!["patientId"]!.GetValue<string>()));
        Assert.All(entries.Where(e => e!["action"]!.GetValue<string>().StartsWith("visit-link.", StringComparison.Ordinal)),
            e => Assert.Equal(("patient via link", "Patient", patientId), (e!["userId"]!.GetValue<string>(), e["role"]!.GetValue<string>(), e["patientId"]!.GetValue<string>())));
        Assert.All(entries.Where(e => e!["action"]!.GetValue<string>().StartsWith("recall-link.", StringComparison.Ordinal)),
            e => Assert.Equal(("patient via recall link", "Patient", patientId), (e!["userId"]!.GetValue<string>(), e["role"]!.GetValue<string>(), e["patientId"]!.GetValue<string>())));
        Assert.Equal(3, entries.Count(e => e!["action"]!.GetValue<string>().StartsWith("recall-link.", StringComparison.Ordinal)));
        Assert.All(entries.Where(e => e!["action"]!.GetValue<string>().StartsWith("offer-link.", StringComparison.Ordinal)),
            e => Assert.Equal(("patient via offer link", "Patient", patientId), (e!["userId"]!.GetValue<string>(), e["role"]!.GetValue<string>(), e["patientId"]!.GetValue<string>())));
    }

    /// <summary>
    /// A bulk read (a board, an export, a feed, a list) leaves one entry listing every patient its answer named, and
    /// "who saw this patient's data" finds it. Every audited GET that names no single patient in its route is a bulk
    /// read unless listed as naming none; each must be exercised here, so a new one fails until its patients are listed.
    /// </summary>
    [Fact]
    public async Task EveryBulkReadListsThePatientsItsAnswerNamed()
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        var http = Node.Http;
        var api = $"/api/clinics/{clinic.Id}";
        var rita = await clinic.AddPatientAsync("Rita", "Moreno");
        var omar = await clinic.AddPatientAsync("Omar", "Moreno");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);

        // Today: Rita seen by Ann and checked out with a charge; Omar arrived for Bob. Tomorrow: Rita with Ann (a reminder
        // in the outbox). Rita also waits for an opening, has an authorization nearly used up and a plan short of visits.
        var seen = await clinic.BookAsync(rita, "ann");
        foreach (var (action, body) in new (string, object?)[]
        {
            ("arrive", null), ("check-in", null), ("assign", new { roomId = "room-1" }), ("start", null), ("finish", null),
            ("record-services", new { services = new[] { new { code = "97110", minutes = 30 } } }), ("check-out", null),
        })
        {
            await Ok(clinic.CommandAsync(seen, action, body));
        }

        await Ok(clinic.CommandAsync(await clinic.BookAsync(omar, "bob"), "arrive"));
        await Ok(http.PostAsJsonAsync($"{api}/visits", new
        {
            patientId = rita, therapistId = "ann", visitType = "follow-up", scheduledStart = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(15), TimeSpan.Zero),
            overrideReason = "test",
        }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/waitlist", new { patientId = rita, visitType = "follow-up", therapistId = "bob", priority = 1 }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/patients/{rita}/authorizations", new { id = "a1", from = today.AddDays(-1), to = today.AddDays(60), visitsAuthorized = 2 }, Ct));
        await Ok(http.PostAsJsonAsync($"{api}/patients/{rita}/plans-of-care", new
        {
            therapistId = "ann", visitType = "follow-up", visitsPerWeek = 7, weeks = 1, startDate = today.AddDays(21).ToString("yyyy-MM-dd"),
            preferredDays = new[] { "Monday" }, preferredTime = "10:00:00",
        }, Ct));
        var token = (await (await http.PostAsync($"{api}/therapists/ann/calendar-token", null, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        var provider = (await (await http.PostAsJsonAsync($"{api}/referrals/providers", new { name = "Dr. Jane Smith", npi = "1234567893" }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["providerId"]!.GetValue<string>();
        var referral = (await (await http.PostAsJsonAsync($"{api}/referrals", new
        {
            receivedOn = today.AddDays(-1), patientId = rita, reason = "Knee pain", source = "Physician", providerId = provider,
        }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["referralId"]!.GetValue<string>();

        // Rita's own visit tomorrow with Ann, cancelled: an opening offered to the waitlist, where Rita waits for any time.
        await Ok(http.PutAsJsonAsync($"{api}/messaging", new
        {
            remindersEnabled = true, reminderLeadHours = new[] { 48.0 }, quietFrom = "00:00", quietUntil = "00:00",
            offers = new { enabled = true, waveSize = 3, waveMinutes = 15, stopBeforeMinutes = 60 },
        }, Ct));
        var freedStart = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(18), TimeSpan.Zero);
        using var freed = await http.PostAsJsonAsync($"{api}/visits", new
        {
            patientId = rita, therapistId = "ann", visitType = "follow-up", scheduledStart = freedStart, overrideReason = "test: to be freed",
        }, Ct);
        var freedId = (await freed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
        await Ok(clinic.CommandAsync(freedId, "cancel", new { reason = "Sick" }));
        await Ok(http.PostAsJsonAsync($"{api}/waitlist", new { patientId = rita, visitType = "follow-up", priority = 1 }, Ct));
        var offerDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(freedStart, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        await Ok(http.PostAsJsonAsync($"{api}/openings/{freedId}/offers", new { date = offerDay }, Ct));

        var reads = new Dictionary<string, (string Url, string[] Patients)>
        {
            ["GET /api/clinics/{clinicId}/openings/{openingId}/offers"] = ($"{api}/openings/{freedId}/offers", [rita]),
            ["GET /api/clinics/{clinicId}/board"] = ($"{api}/board", [rita, omar]),
            ["GET /api/clinics/{clinicId}/schedule"] = ($"{api}/schedule", [rita, omar]),
            ["GET /api/clinics/{clinicId}/therapists/{therapistId}/day"] = ($"{api}/therapists/ann/day", [rita]),
            ["GET /api/clinics/{clinicId}/therapists/{therapistId}/calendar.ics"] = ($"{api}/therapists/ann/calendar.ics?token={token}", [rita]),
            ["GET /api/clinics/{clinicId}/charges.csv"] = ($"{api}/charges.csv?date={today:yyyy-MM-dd}", [rita]),
            ["GET /api/clinics/{clinicId}/kpis/visits"] = ($"{api}/kpis/visits?from={today:yyyy-MM-dd}", [rita, omar]),
            ["GET /api/clinics/{clinicId}/worklists"] = ($"{api}/worklists", [rita]),
            ["GET /api/clinics/{clinicId}/messages"] = ($"{api}/messages", [rita]),
            ["GET /api/clinics/{clinicId}/waitlist"] = ($"{api}/waitlist", [rita]),
            ["GET /api/clinics/{clinicId}/under-scheduled"] = ($"{api}/under-scheduled", [rita]),
            ["GET /api/clinics/{clinicId}/patients"] = ($"{api}/patients?q=moreno", [rita, omar]),
            ["GET /api/clinics/{clinicId}/referrals"] = ($"{api}/referrals", [rita]),
            // Rita has a visit booked ahead, so she cannot be recalled: the list names nobody (RecallTests and the
            // test above read it with a recall in it).
            ["GET /api/clinics/{clinicId}/recalls"] = ($"{api}/recalls", []),
            ["GET /api/clinics/{clinicId}/referrals/{referralId}/letter"] = ($"{api}/referrals/{referral}/letter", [rita]),
        };
        var bulk = ApiEndpoints().Where(e => e.Name.StartsWith("GET ", StringComparison.Ordinal) && e.Action is { } action
                && !AuditedReadsWithoutPatients.Contains(action)
                && !e.Name.Contains("{patientId}", StringComparison.Ordinal) && !e.Name.Contains("{visitId}", StringComparison.Ordinal)
                && !e.Name.Contains("{messageKey}", StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => e.Action!);
        Assert.Equal(bulk.Keys.Order(StringComparer.Ordinal), reads.Keys.Order(StringComparer.Ordinal));

        foreach (var (name, (url, patients)) in reads)
        {
            await Ok(http.GetAsync(url, Ct));
            var newest = (await http.GetFromJsonAsync<JsonArray>($"{api}/audit?limit=20", Ct))!
                .First(e => e!["action"]!.GetValue<string>() == bulk[name])!;
            var listed = newest["patients"]?.AsArray().Select(p => p!.GetValue<string>()).ToArray() ?? [];
            Assert.True(patients.Order(StringComparer.Ordinal).SequenceEqual(listed),
                $"{name}: the entry lists [{string.Join(", ", listed)}], its answer named [{string.Join(", ", patients.Order(StringComparer.Ordinal))}]");
        }

        var sawOmar = (await http.GetFromJsonAsync<JsonArray>($"{api}/audit?patientId={omar}&limit=100", Ct))!.Select(e => e!["action"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(reads.Where(r => r.Value.Patients.Contains(omar)).Select(r => bulk[r.Key]).ToHashSet(), sawOmar);
    }

    [Fact]
    public async Task ARefusedAttemptAtPatientInformationIsAuditedAsDenied()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);

        using var refused = await secured.OtherDesk.Http.GetAsync($"/api/clinics/{secured.Clinic.Id}/patients/{secured.PatientId}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var entries = await Node.Http.GetFromJsonAsync<JsonArray>(
            $"/api/clinics/{secured.Clinic.Id}/audit?patientId={secured.PatientId}&userId={secured.OtherDesk.UserName.ToLowerInvariant()}", Ct);
        var entry = Assert.Single(entries!)!;
        Assert.Equal(("patient.read", "denied"), (entry["action"]!.GetValue<string>(), entry["outcome"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WatchingTheLiveBoardIsAuditedAsAReadOfTheDaysPatients()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);

        await using (await LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Board, secured.FrontDesk.Authenticate))
        {
        }

        var entries = await Node.Http.GetFromJsonAsync<JsonArray>(
            $"/api/clinics/{secured.Clinic.Id}/audit?userId={secured.FrontDesk.UserName.ToLowerInvariant()}", Ct);
        var view = Assert.Single(entries!, e => e!["action"]!.GetValue<string>() == "board.view" && e["outcome"]!.GetValue<string>() == "ok")!;
        // The day's two patients (the secured clinic books one visit with Ann, one with Bob).
        var listed = view["patients"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(secured.PatientId, listed);
        var sawPatient = await Node.Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{secured.Clinic.Id}/audit?patientId={secured.PatientId}", Ct);
        Assert.Contains(sawPatient!, e => e!["action"]!.GetValue<string>() == "board.view");
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private IEnumerable<(string Name, string? Action)> ApiEndpoints() =>
        Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => ($"{m} /{(e.RoutePattern.RawText ?? "").TrimStart('/').TrimEnd('/')}", e.Metadata.GetMetadata<AuditedAction>()?.Action)));
}
