namespace PtHub.Grains.Contracts;

/// <summary>
/// The waitlist offers of one opening (key: <see cref="GrainKeys.Offer"/>). Not reentrant: acceptances are taken one
/// after the other, so the first books the slot and every later one is told it was taken. Every call first sends the
/// waves that fell due and closes the offers at the lead before the start; a reminder does the same when nobody calls.
/// </summary>
[Alias("PtHub.IWaitlistOfferGrain")]
public interface IWaitlistOfferGrain : IGrainWithStringKey
{
    /// <summary>Starts offering (the first wave goes now); while offers run or after an acceptance, answers them as they are.</summary>
    [Alias("Start")]
    Task<OfferView> Start(OfferStart request);

    /// <summary>Stops the offers and withdraws the messages not yet sent; null when the opening was never offered.</summary>
    /// <summary>
    /// The live grain saw the opening freed: where the clinic offers automatically (and it is not too close to its
    /// start), the offers start as if the desk had tapped; otherwise nothing. One-way: the caller never waits on it.
    /// </summary>
    [Alias("OnOpeningFreed"), OneWay]
    Task OnOpeningFreed(OfferStart request);

    [Alias("Stop")]
    Task<OfferView?> Stop(string actor);

    [Alias("Get")]
    Task<OfferView?> Get();

    /// <summary>How the link stands for its patient, changing nothing.</summary>
    [Alias("Read")]
    Task<OfferAnswer> Read(OfferLink link);

    /// <summary>The link's patient accepts: the first is booked under the booking rules; every later one is told it was taken.</summary>
    [Alias("Accept")]
    Task<OfferAnswer> Accept(OfferLink link);
}
