namespace PtHub.Grains.Contracts;

/// <summary>Where a message of the outbox stands. Only <see cref="Pending"/> is ever sent; every other status is final.</summary>
[GenerateSerializer, Alias("PtHub.OutboxStatus")]
public enum OutboxStatus
{
    /// <summary>Due at its time (or its next attempt's); also while a node holds its lease.</summary>
    Pending,
    Delivered,
    /// <summary>Given up after the last attempt, or refused for good by the provider.</summary>
    Failed,
    /// <summary>The provider says the address does not exist (SMTP 550, an SMS number it cannot reach).</summary>
    Bounced,
    /// <summary>The visit was cancelled or moved before the message went out.</summary>
    Withdrawn,
    /// <summary>Not sent by the time it no longer made sense (the visit's start).</summary>
    Expired,
    /// <summary>Not sent because the patient opted out or has no address for any channel.</summary>
    Suppressed,
    /// <summary>
    /// Withdrawn while a node held its lease and may be sending it: the send is recorded as it turns out (a message that
    /// reached the provider is Delivered and audited, never silently "withdrawn"), and it is never tried again.
    /// </summary>
    Withdrawing,
}
