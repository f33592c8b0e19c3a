using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PtHub.Bench.Reminders;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Harness;
using PtHub.Silo.Messaging;

// Reminder throughput: due messages across many clinics drained by the outbox through an SMTP server on loopback,
// and in the same run the same server's rate for the same number of messages sent by MailKit directly.
var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<ReminderBenchOptions>() ?? new ReminderBenchOptions();
var inv = CultureInfo.InvariantCulture;
var arrivals = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
await using var smtp = new LoopbackSmtp(EmbeddedNode.FreePort(), (buffer, _) =>
{
    // Stopwatch ticks of the arrival, by Message-ID (only the header is read).
    var at = Stopwatch.GetTimestamp();
    var text = System.Text.Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 4096)).ToArray());
    var start = text.IndexOf("Message-Id: <", StringComparison.OrdinalIgnoreCase);
    if (start >= 0)
    {
        arrivals.TryAdd(text[(start + 13)..text.IndexOf('>', start)], at);
    }

    return Task.CompletedTask;
});
var (app, _, _, _) = await EmbeddedNode.StartAsync("pthub-bench-reminders",
[
    "--PtHub:Communication:PollSeconds=0", "--PtHub:Communication:Email:Host=127.0.0.1",
    $"--PtHub:Communication:Email:Port={smtp.Port}", "--PtHub:Communication:Email:Security=None",
    "--PtHub:Communication:Email:From=reminders@bench.test", $"--PtHub:Communication:Concurrency={options.Concurrency}",
    $"--PtHub:Communication:BatchSize={options.BatchSize}",
]);
await using (app)
{
    var grains = app.Services.GetRequiredService<IGrainFactory>();
    var store = app.Services.GetRequiredService<IOutboxStore>();
    var sender = app.Services.GetRequiredService<OutboxSender>();
    for (var c = 0; c < options.Clinics; c++)
    {
        await grains.GetGrain<IPatientGrain>($"bench-p{c}").Register(new PatientDetails($"bench-c{c}", "Pat", $"Bench{c}", new DateOnly(1970, 1, 1), null, $"p{c}@bench.test"));
    }

    var origin = DateTimeOffset.UtcNow.AddSeconds(2);
    var due = new Dictionary<string, DateTimeOffset>();
    for (var i = 0; i < options.Messages; i++)
    {
        var c = i % options.Clinics;
        var at = origin.AddSeconds(options.SpreadSeconds * i / options.Messages);
        var key = $"bench|{i}";
        due[MessageIds.For(key)] = at;
        await store.EnqueueAsync(new OutboxMessage(key, $"bench-c{c}", $"bench-p{c}", null, MessageChannel.Email, MessagingSettings.ReminderTemplate,
            new Dictionary<string, string> { ["clinic"] = $"Clinic {c}", ["date"] = "Monday, December 14", ["time"] = "10:00 AM", ["therapist"] = "Ann P., PT" },
            at, at.AddDays(1), OutboxStatus.Pending, 0, at, null, null, DateTimeOffset.UtcNow, null, "bench"));
    }

    // Stopwatch and wall clock tied once, so arrival ticks turn into instants.
    var tick0 = Stopwatch.GetTimestamp();
    var wall0 = DateTimeOffset.UtcNow;
    var drain = Stopwatch.StartNew();
    while (arrivals.Count < options.Messages && drain.Elapsed < TimeSpan.FromMinutes(30))
    {
        if (await sender.DrainOnceAsync() == 0)
        {
            await Task.Delay(5);
        }
    }

    var drained = drain.Elapsed;
    var lateness = arrivals.Where(a => due.ContainsKey(a.Key))
        .Select(a => (wall0 + Stopwatch.GetElapsedTime(tick0, a.Value) - due[a.Key]).TotalMilliseconds).Order().ToArray();
    double P(double q) => lateness.Length == 0 ? double.NaN : lateness[Math.Min(lateness.Length - 1, (int)(q * lateness.Length))];
    var busy = (drained - TimeSpan.FromSeconds(Math.Max(0, (origin - wall0).TotalSeconds))).TotalSeconds;
    Console.WriteLine(string.Create(inv, $"outbox: {lateness.Length} of {options.Messages} delivered across {options.Clinics} clinics in {drained.TotalSeconds:0.0} s (due over {options.SpreadSeconds} s)"));
    Console.WriteLine(string.Create(inv, $"outbox: {lateness.Length / Math.Max(busy, options.SpreadSeconds):0} messages/s; lateness p50 {P(0.5):0} ms, p99 {P(0.99):0} ms, max {P(1):0} ms"));

    // Stopped before it is disposed, so the node's background services end quietly rather than cancelled mid-round.
    await app.StopAsync();
}

// The floor: the same server, the same number of messages, sent by MailKit directly with the same concurrency,
// a connection per message (as the outbox does) and one connection per worker.
foreach (var reuse in new[] { false, true })
{
    var before = arrivals.Count;
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, options.Concurrency), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (worker, ct) =>
    {
        SmtpClient? shared = null;
        for (var i = worker; i < options.Messages; i += options.Concurrency)
        {
            var mime = new MimeMessage { Subject = "Your appointment", MessageId = $"direct-{reuse}-{i}@bench" };
            mime.From.Add(MailboxAddress.Parse("reminders@bench.test"));
            mime.To.Add(MailboxAddress.Parse($"p{i % options.Clinics}@bench.test"));
            mime.Body = new TextPart("plain") { Text = "Reminder: your appointment at Clinic is on Monday, December 14 at 10:00 AM with Ann P., PT." };
            var client = shared ?? new SmtpClient();
            if (!client.IsConnected)
            {
                await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None, ct);
            }

            try
            {
                await client.SendAsync(mime, ct);
            }
            catch (SmtpProtocolException) when (reuse)
            {
                // The server ends a long session now and then (minutes of messages on one connection): connect again, once.
                client.Dispose();
                client = new SmtpClient();
                await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None, ct);
                await client.SendAsync(mime, ct);
            }
            if (reuse)
            {
                shared = client;
            }
            else
            {
                await client.DisconnectAsync(true, ct);
                client.Dispose();
            }
        }

        if (shared is not null)
        {
            await shared.DisconnectAsync(true, ct);
            shared.Dispose();
        }
    });
    var sent = arrivals.Count - before;
    Console.WriteLine(string.Create(inv,
        $"MailKit directly, {(reuse ? "one connection per worker" : "a connection per message")}: {sent} in {watch.Elapsed.TotalSeconds:0.0} s, {sent / watch.Elapsed.TotalSeconds:0} messages/s"));
}
