using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PtHub.Silo.Messaging;

/// <summary>
/// E-mail over SMTP with MailKit. A recipient the server refuses as unknown (5.1.x, 550/551/553) is a bounce.
/// Connections are kept open between messages (a reminder round sends many to the same server, and a TLS handshake
/// and login per message cost more than the message) and reused one message at a time: a MailKit client is not safe
/// to share. An idle connection older than <see cref="EmailOptions.IdleSeconds"/> is closed rather than reused, since
/// servers drop idle clients; a reused one that turns out dropped is replaced once, at once.
/// </summary>
internal sealed class SmtpEmailChannel(EmailOptions options) : IMessageChannel, IDisposable
{
    private readonly ConcurrentStack<(SmtpClient Client, long IdleSince)> _idle = new();
    private bool _disposed;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageIds.For(message.IdempotencyKey) };
        mime.From.Add(new MailboxAddress(options.FromName ?? "", options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("X-PtHub-Idempotency-Key", message.IdempotencyKey);
        mime.Body = new TextPart("plain") { Text = message.Body };

        if (Rent() is { } reused)
        {
            try
            {
                return await SendOnAsync(reused, mime, cancellationToken);
            }
            catch (Exception ex) when (IsDropped(ex, cancellationToken))
            {
                // The server closed the idle connection: a new one, once. The message keeps its Message-ID either way.
                reused.Dispose();
            }
        }

        return await SendOnNewAsync(mime, cancellationToken);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var entry))
        {
            entry.Client.Dispose();
        }
    }

    private async Task<SendResult> SendOnNewAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            return await SendOnAsync(client, mime, cancellationToken);
        }
        catch (Exception ex) when (IsDropped(ex, cancellationToken) || ex is AuthenticationException or TimeoutException
            || (ex is SmtpCommandException command && !IsAnswer(command)))
        {
            client.Dispose();
            return new SendResult(SendOutcome.Retry, $"SMTP: {ex.Message}");
        }
    }

    /// <summary>Sends on a connected client. A server's answer about the message leaves the connection usable; anything else closes it.</summary>
    private async Task<SendResult> SendOnAsync(SmtpClient client, MimeMessage mime, CancellationToken cancellationToken)
    {
        SendResult result;
        try
        {
            result = new SendResult(SendOutcome.Delivered, await client.SendAsync(mime, cancellationToken));
        }
        catch (SmtpCommandException ex) when (IsAnswer(ex))
        {
            result = ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted
                && ex.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.MailboxNameNotAllowed
                    ? new SendResult(SendOutcome.Bounced, $"SMTP {(int)ex.StatusCode}: {ex.Message}")
                    : new SendResult(SendOutcome.Failed, $"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Return(client);
        return result;
    }

    /// <summary>A permanent refusal of this message (5xx): the server answered, the session goes on.</summary>
    private static bool IsAnswer(SmtpCommandException ex) => (int)ex.StatusCode >= 500;

    /// <summary>The connection failed (closed, reset, not connected), as opposed to the server refusing the message.</summary>
    private static bool IsDropped(Exception ex, CancellationToken cancellationToken) =>
        ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private SmtpClient? Rent()
    {
        var now = Environment.TickCount64;
        while (_idle.TryPop(out var entry))
        {
            if (entry.Client.IsConnected && now - entry.IdleSince < options.IdleSeconds * 1000)
            {
                return entry.Client;
            }

            entry.Client.Dispose();
        }

        return null;
    }

    private void Return(SmtpClient client)
    {
        if (_disposed || !client.IsConnected || _idle.Count >= options.MaxIdleConnections)
        {
            client.Dispose();
            return;
        }

        _idle.Push((client, Environment.TickCount64));
    }
}
