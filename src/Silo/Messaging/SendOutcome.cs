namespace PtHub.Silo.Messaging;

/// <summary>What a provider made of one send.</summary>
public enum SendOutcome
{
    Delivered,
    /// <summary>Try again later (timeout, 5xx, 429, a refused connection).</summary>
    Retry,
    /// <summary>Refused for good for another reason than the address.</summary>
    Failed,
    /// <summary>The address does not exist.</summary>
    Bounced,
}
