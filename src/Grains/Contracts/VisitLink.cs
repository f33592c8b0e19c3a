namespace PtHub.Grains.Contracts;

/// <summary>
/// What a patient's confirm / cancel / reschedule link stands for: one visit of one clinic at the start it had when the
/// reminder was sent, usable until <paramref name="ExpiresAt"/>, once. <paramref name="Nonce"/> names the link (derived
/// from the reminder's idempotency key, so a resent reminder carries the same link) and keys its <see cref="IVisitLinkGrain"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitLink")]
public sealed record VisitLink(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] string VisitId,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string Nonce);
