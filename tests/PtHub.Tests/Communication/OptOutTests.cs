using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Communication;

/// <summary>A STOP reply (passed on by the SMS provider with its shared secret) and an e-mail's unsubscribe link opt the patient out, audited.</summary>
public sealed class OptOutTests
{
    private const string Secret = "inbound-shared-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> TextAsync(CommsNode comms, string from, string body, string? secret, string to = "+1 555 0100")
    {
        using var provider = new HttpClient { BaseAddress = comms.Node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/inbound") { Content = JsonContent.Create(new { from, to, body }) };
        if (secret is not null)
        {
            request.Headers.Add("X-PtHub-Sms-Secret", secret);
        }

        return await provider.SendAsync(request, Ct);
    }

    private static async Task<ContactPreferences> PreferencesAsync(CommsNode comms, string clinicId, string patientId) =>
        (await comms.Node.Http.GetFromJsonAsync<ContactPreferences>($"/api/clinics/{clinicId}/patients/{patientId}/contact-preferences", Ct))!;

    [Fact]
    public async Task AStopReplyWithTheProvidersSecretOptsTheSenderOutAndTheirQueuedTextIsNotSent()
    {
        await using var comms = await CommsNode.StartAsync(settings: ("PtHub:Communication:Sms:InboundSecret", Secret));
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: "(617) 555-0142");
        var neighbour = await comms.PatientAsync(clinic, phone: "(617) 555-0199");
        await comms.BookAsync(clinic, patient, comms.StartIn(4));

        foreach (var secret in new[] { null, "wrong", "" })
        {
            using var refused = await TextAsync(comms, "+16175550142", "STOP", secret);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var otherNumber = await TextAsync(comms, "+16175550142", "STOP", Secret, to: "+1 555 0999"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, otherNumber.StatusCode);
        }

        using (var chat = await TextAsync(comms, "+16175550142", "See you then", Secret))
        {
            Assert.Equal(0, (await chat.Content.ReadFromJsonAsync<JsonObject>(Ct))!["optedOut"]!.GetValue<int>());
        }

        Assert.False((await PreferencesAsync(comms, clinic.Id, patient)).OptedOut);

        using var stop = await TextAsync(comms, "+16175550142", " stop ", Secret);

        Assert.Equal(1, (await stop.Content.ReadFromJsonAsync<JsonObject>(Ct))!["optedOut"]!.GetValue<int>());
        var preferences = await PreferencesAsync(comms, clinic.Id, patient);
        Assert.Equal((true, "patient via SMS STOP"), (preferences.OptedOut, preferences.ChangedBy));
        Assert.False((await PreferencesAsync(comms, clinic.Id, neighbour)).OptedOut);
        var first = (await comms.MessagesAsync(clinic.Id, patient)).MinBy(m => m.DueAt)!;
        await comms.MoveClockAsync(first.DueAt);
        await comms.Sender.DrainOnceAsync(Ct);
        Assert.Empty(comms.Sms.Requests);
        Assert.Equal(OutboxStatus.Suppressed, (await comms.Store.GetAsync(first.Key, Ct))!.Status);
        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        var entry = Assert.Single(audit, e => e.Action == "contact-preferences.opt-out-sms");
        Assert.Equal(("patient via SMS STOP", "Patient"), (entry.UserId, entry.Role));
    }

    [Fact]
    public async Task TheUnsubscribeLinkOfAnEmailOptsThePatientOutAndAnAlteredOneChangesNothing()
    {
        await using var comms = await CommsNode.StartAsync(settings: ("PtHub:Communication:Links:BaseUrl", "https://pt.example.test"));
        var clinic = await comms.ClinicAsync();
        var patient = await comms.PatientAsync(clinic, phone: null, email: "rita@example.test");
        var visit = await comms.BookAsync(clinic, patient, comms.StartIn(4));
        await comms.SendFirstReminderAsync(clinic, visit);
        var text = comms.Smtp.Messages.Single().TextBody ?? "";
        var token = System.Text.RegularExpressions.Regex.Match(text, @"https://pt\.example\.test/unsubscribe#(\S+)").Groups[1].Value;
        Assert.NotEmpty(token);
        using var anonymous = new HttpClient { BaseAddress = comms.Node.BaseAddress };

        var parts = token.Split('.');
        var altered = string.Join('.', parts[0], parts[1], parts[2], parts[3][..5] + (parts[3][5] == 'A' ? 'B' : 'A') + parts[3][6..]);
        using (var refused = await anonymous.PostAsJsonAsync("/api/unsubscribe", new { token = altered }, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.False((await PreferencesAsync(comms, clinic.Id, patient)).OptedOut);

        using var done = await anonymous.PostAsJsonAsync("/api/unsubscribe", new { token }, Ct);

        Assert.Equal("API test clinic", (await done.Content.ReadFromJsonAsync<JsonObject>(Ct))!["clinicName"]!.GetValue<string>());
        var preferences = await PreferencesAsync(comms, clinic.Id, patient);
        Assert.Equal((true, "patient via link"), (preferences.OptedOut, preferences.ChangedBy));
        var audit = await comms.Node.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery(clinic.Id, PatientId: patient), Ct);
        Assert.Contains(audit, e => e.Action == "contact-preferences.opt-out-link" && e.UserId == "patient via link");
    }
}
