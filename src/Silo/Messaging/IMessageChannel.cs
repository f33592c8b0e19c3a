namespace PtHub.Silo.Messaging;

/// <summary>One way to reach a patient. Throws only when cancelled; every provider failure is a <see cref="SendResult"/>.</summary>
public interface IMessageChannel
{
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
