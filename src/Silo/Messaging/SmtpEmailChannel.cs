using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PtHub.Silo.Messaging;

/// <summary>E-mail over SMTP with MailKit. A recipient the server refuses as unknown (5.1.x, 550/551/553) is a bounce.</summary>
internal sealed class SmtpEmailChannel(EmailOptions options) : IMessageChannel
{
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageIds.For(message.IdempotencyKey) };
        mime.From.Add(new MailboxAddress(options.FromName ?? "", options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("X-PtHub-Idempotency-Key", message.IdempotencyKey);
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            var answer = await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return new SendResult(SendOutcome.Delivered, answer);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted
            && ex.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.MailboxNameNotAllowed)
        {
            return new SendResult(SendOutcome.Bounced, $"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return new SendResult(SendOutcome.Failed, $"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or ServiceNotConnectedException or AuthenticationException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendResult(SendOutcome.Retry, $"SMTP: {ex.Message}");
        }
    }
}
