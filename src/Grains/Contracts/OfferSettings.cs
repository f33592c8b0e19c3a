namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's waitlist offers: off unless turned on; each wave offers a freed slot to the next
/// <paramref name="WaveSize"/> best-matching waiting patients, <paramref name="WaveWait"/> after the wave before, and
/// no offer goes out (nor can be accepted) later than <paramref name="StopBefore"/> the slot's start.
/// <paramref name="Automatic"/>: a slot freed (a cancellation, a no-show) is offered at once, without the desk's tap.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.OfferSettings")]
public sealed record OfferSettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int WaveSize,
    [property: Id(2)] TimeSpan WaveWait,
    [property: Id(3)] TimeSpan StopBefore,
    [property: Id(4)] bool Automatic = false)
{
    public static OfferSettings Default { get; } = new(false, 3, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60));
}
