using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using PtHub.Harness;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Communication;

/// <summary>
/// A real SMTP server in the test process (<see cref="LoopbackSmtp"/>) on a free loopback port: every e-mail it takes is
/// parsed with MimeKit and kept. A recipient whose local part starts with "nobody" is refused as unknown (550).
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly LoopbackSmtp _server;

    private SmtpReceiver(int port)
    {
        _server = new LoopbackSmtp(port, async (buffer, ct) =>
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, ct));
        }, to => !to.StartsWith("nobody", StringComparison.OrdinalIgnoreCase));
    }

    public int Port => _server.Port;

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Connections the server has taken so far (one SMTP session each).</summary>
    public int Sessions => _server.Sessions;

    public static SmtpReceiver Start() => new(FreePorts.Next());

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
