namespace PtHub.Grains.Contracts;

/// <summary>One waiting patient an opening was offered to, in which wave, by which message, and their answer.</summary>
/// <param name="Answer">Null while unanswered; "accepted", "taken" (too late), or "failed" (the booking was refused).</param>
[GenerateSerializer, Immutable, Alias("PtHub.OfferRecipient")]
public sealed record OfferRecipient(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string VisitTypeCode,
    [property: Id(3)] int Wave,
    [property: Id(4)] DateTimeOffset OfferedAt,
    [property: Id(5)] string MessageKey,
    [property: Id(6)] string? Answer = null,
    [property: Id(7)] DateTimeOffset? AnsweredAt = null);
