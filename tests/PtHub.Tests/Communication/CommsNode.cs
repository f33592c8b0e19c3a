using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Messaging;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Communication;

/// <summary>
/// An embedded node on a fake clinic clock whose outbox sends to an in-process SMTP server and a local SMS API. Its
/// own sender loop is off: a test moves the clock and runs a round (<see cref="OutboxSender.DrainOnceAsync"/>) itself.
/// </summary>
public sealed class CommsNode : IAsyncDisposable
{
    private CommsNode(AppNode node, FakeTimeProvider clock, SmtpReceiver smtp, SmsReceiver sms)
    {
        (Node, Clock, Smtp, Sms) = (node, clock, smtp, sms);
    }

    public AppNode Node { get; }

    public FakeTimeProvider Clock { get; }

    public SmtpReceiver Smtp { get; }

    public SmsReceiver Sms { get; }

    public OutboxSender Sender => Node.Services.GetRequiredService<OutboxSender>();

    public IOutboxStore Store => Node.Services.GetRequiredService<IOutboxStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A node whose reminders carry patient links to its own address (a fixed loopback port), so a browser can open them.</summary>
    public static Task<CommsNode> StartWithLinksAsync(DateTimeOffset? now = null, params (string Key, string Value)[] settings)
    {
        var port = FreePorts.Next();
        return StartAsync(now: now, httpPort: port, settings: [("PtHub:Communication:Links:BaseUrl", $"http://127.0.0.1:{port}"), .. settings]);
    }

    public static async Task<CommsNode> StartAsync(bool channels = true, string? database = null, DateTimeOffset? now = null, int httpPort = 0,
        params (string Key, string Value)[] settings)
    {
        var clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        var smtp = SmtpReceiver.Start();
        var sms = await SmsReceiver.StartAsync();
        var all = new List<(string, string)>
        {
            ("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", database ?? TempPaths.NewDatabase()),
            ("PtHub:Communication:PollSeconds", "0"), ("PtHub:Communication:RetryBaseSeconds", "30"),
        };
        if (channels)
        {
            all.AddRange([
                ("PtHub:Communication:Email:Host", "127.0.0.1"), ("PtHub:Communication:Email:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
                ("PtHub:Communication:Email:Security", "None"), ("PtHub:Communication:Email:From", "reminders@clinic.test"),
                ("PtHub:Communication:Sms:Url", sms.Url.ToString()), ("PtHub:Communication:Sms:AccountId", "AC-test"),
                ("PtHub:Communication:Sms:ApiKey", "sms-secret"), ("PtHub:Communication:Sms:From", "+15550100"),
                ("PtHub:Communication:Sms:TimeoutSeconds", "0.5"),
            ]);
        }

        all.AddRange(settings);
        var node = await AppNode.StartAsync(all, builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, clock), httpPort);
        return new CommsNode(node, clock, smtp, sms);
    }

    /// <summary>A new clinic (New York) with quiet hours off unless given, so due times are exactly start less lead.</summary>
    public async Task<ApiClinic> ClinicAsync(string quietFrom = "00:00", string quietUntil = "00:00")
    {
        var clinic = await ApiClinic.CreateAsync(Node.Http);
        using var response = await Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging", new { remindersEnabled = true, reminderLeadHours = new[] { 48.0, 2.0 }, quietFrom, quietUntil }, Ct);
        response.EnsureSuccessStatusCode();
        return clinic;
    }

    public async Task<string> PatientAsync(ApiClinic clinic, string? phone = "555-0142", string? email = null)
    {
        using var response = await Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/patients",
            new { firstName = "Rita", lastName = "Moreno", birthDate = "1961-12-11", phone, email, confirmedNew = true }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
    }

    public async Task<string> BookAsync(ApiClinic clinic, string patientId, DateTimeOffset start, string therapistId = "ann")
    {
        using var response = await Node.Http.PostAsJsonAsync($"/api/clinics/{clinic.Id}/visits", new
        {
            patientId, therapistId, visitType = "follow-up", scheduledStart = start, overrideReason = "test",
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
    }

    /// <summary>Sends the visit's first reminder (moving the clock to its due time) and returns the token of the link in the e-mail.</summary>
    public async Task<string> SendFirstReminderAsync(ApiClinic clinic, string visitId)
    {
        var first = (await MessagesAsync(clinic.Id)).Where(m => m.VisitId == visitId && m.Status == OutboxStatus.Pending).MinBy(m => m.DueAt)!;
        await MoveClockAsync(first.DueAt);
        await Sender.DrainOnceAsync(Ct);
        var mail = Smtp.Messages.Last(m => m.MessageId == MessageIds.For(first.Key));
        return LinkToken(mail.TextBody ?? "");
    }

    /// <summary>Sets the clinic clock; sessions answer to it too, so the administrator signs in again.</summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        Clock.SetUtcNow(now);
        await Node.Admin.SignInAsync("admin", AppNode.AdminPassword);
    }

    /// <summary>The token of the patient link in a message's text (after "/visit#").</summary>
    public static string LinkToken(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"/visit#(\S+)");
        Assert.True(match.Success, $"no patient link in: {text}");
        return match.Groups[1].Value;
    }

    public async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(string clinicId, string? patientId = null) =>
        await Store.ListAsync(clinicId, patientId, 100, Ct);

    /// <summary>A start in whole minutes this many days ahead, at 14:00 UTC (mid-morning in New York).</summary>
    public DateTimeOffset StartIn(int days) =>
        new(Clock.GetUtcNow().UtcDateTime.Date.AddDays(days).AddHours(14), TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Sms.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
