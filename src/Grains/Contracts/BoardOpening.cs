namespace PtHub.Grains.Contracts;

/// <summary>A freed slot on the board with the waitlist's matching patients, by priority then time waited, and
/// where its waitlist offers stand.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.BoardOpening")]
public sealed record BoardOpening(
    [property: Id(0)] Opening Opening,
    [property: Id(1)] string TherapistName,
    [property: Id(2)] ValueList<WaitlistCandidate> Candidates,
    [property: Id(3)] OfferSummary? Offer = null);
