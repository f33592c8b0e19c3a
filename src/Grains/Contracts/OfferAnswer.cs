namespace PtHub.Grains.Contracts;

/// <summary>What an offer link's patient is told.</summary>
[GenerateSerializer, Alias("PtHub.OfferOutcome")]
public enum OfferOutcome
{
    /// <summary>Still open: the patient may accept.</summary>
    Open,

    /// <summary>This patient accepted and is booked.</summary>
    Yours,

    /// <summary>Another patient accepted first.</summary>
    Taken,

    /// <summary>The offers were stopped or closed before anyone accepted.</summary>
    Closed,

    /// <summary>The patient accepted, but the booking rules refused the visit.</summary>
    Failed,

    /// <summary>The link names no offer made to this patient.</summary>
    NotValid,
}

/// <summary>An offer link's standing, and for a booking the visit it made.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OfferAnswer")]
public sealed record OfferAnswer(
    [property: Id(0)] OfferOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] Opening? Opening,
    [property: Id(3)] string? PatientId,
    [property: Id(4)] VisitSnapshot? Visit = null);
