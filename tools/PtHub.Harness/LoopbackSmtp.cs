using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PtHub.Harness;

/// <summary>
/// A real SMTP server in this process on a loopback port (the SmtpServer package), for the tests and the reminder
/// benchmark: each message taken is handed to <c>received</c>; a recipient <c>accepts</c> refuses is answered as unknown.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _sessions;

    public LoopbackSmtp(int port, Func<ReadOnlySequence<byte>, CancellationToken, Task> received, Func<string, bool>? accepts = null)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(received));
        services.Add(new Filter(accepts ?? (_ => true)));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>SMTP sessions (client connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

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

    private sealed class Store(Func<ReadOnlySequence<byte>, CancellationToken, Task> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await received(buffer, cancellationToken);
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(Func<string, bool> accepts) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(accepts($"{to.User}@{to.Host}"));
    }
}
