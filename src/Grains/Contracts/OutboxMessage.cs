namespace PtHub.Grains.Contracts;

/// <summary>
/// One message of the durable outbox, stored before it is sent. <paramref name="Key"/> is its idempotency key: the
/// provider gets it (SMS header, e-mail Message-ID), and planning the same message again stores nothing new.
/// <paramref name="MergeData"/> holds only the minimum necessary (clinic name, date, time, therapist's display name).
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.OutboxMessage")]
public sealed record OutboxMessage(
    [property: Id(0)] string Key,
    [property: Id(1)] string ClinicId,
    [property: Id(2)] string PatientId,
    [property: Id(3)] string? VisitId,
    [property: Id(4)] MessageChannel Channel,
    [property: Id(5)] string Template,
    [property: Id(6)] IReadOnlyDictionary<string, string> MergeData,
    [property: Id(7)] DateTimeOffset DueAt,
    [property: Id(8)] DateTimeOffset ExpiresAt,
    [property: Id(9)] OutboxStatus Status,
    [property: Id(10)] int Attempts,
    [property: Id(11)] DateTimeOffset NextAttemptAt,
    [property: Id(12)] string? LastError,
    [property: Id(13)] string? Recipient,
    [property: Id(14)] DateTimeOffset CreatedAt,
    [property: Id(15)] DateTimeOffset? FinishedAt,
    [property: Id(16)] string CausedBy);
