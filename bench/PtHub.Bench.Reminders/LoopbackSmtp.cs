using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PtHub.Bench.Reminders;

/// <summary>An SMTP server on loopback (the SmtpServer package) that notes when each Message-ID arrived, by a monotonic clock.</summary>
internal sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public LoopbackSmtp(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(Arrivals));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Message-ID → arrival in <see cref="Stopwatch.GetTimestamp"/> ticks.</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentDictionary<string, long> arrivals) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            // Only the header is needed: the Message-ID line.
            var text = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 4096)).ToArray());
            var start = text.IndexOf("Message-Id: <", StringComparison.OrdinalIgnoreCase);
            if (start >= 0)
            {
                var end = text.IndexOf('>', start);
                arrivals.TryAdd(text[(start + 13)..end], at);
            }

            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
