namespace PtHub.Grains.Contracts;

/// <summary>How a message reaches a patient.</summary>
[GenerateSerializer, Alias("PtHub.MessageChannel")]
public enum MessageChannel
{
    Sms,
    Email,
}
