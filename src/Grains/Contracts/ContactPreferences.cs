namespace PtHub.Grains.Contracts;

/// <summary>
/// How a patient wants to be reached. <paramref name="Channel"/> null: by text message when there is a phone number,
/// else by e-mail. <paramref name="OptedOut"/>: no messages at all (an SMS reply STOP, an unsubscribe, the desk).
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ContactPreferences")]
public sealed record ContactPreferences(
    [property: Id(0)] MessageChannel? Channel = null,
    [property: Id(1)] bool OptedOut = false,
    [property: Id(2)] DateTimeOffset? ChangedAt = null,
    [property: Id(3)] string? ChangedBy = null);
