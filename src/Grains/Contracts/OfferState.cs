namespace PtHub.Grains.Contracts;

/// <summary>Where an opening's waitlist offers stand.</summary>
public enum OfferState
{
    /// <summary>Waves go out; the first acceptance wins.</summary>
    Offering,

    /// <summary>A patient accepted and was booked into the slot.</summary>
    Accepted,

    /// <summary>The desk stopped the offers.</summary>
    Stopped,

    /// <summary>The stop-before-start lead was reached with no acceptance.</summary>
    Closed,
}
