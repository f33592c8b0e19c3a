namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's waitlist offers, the four required fields: on or off, how many waiting patients each wave offers a freed
/// slot to, the minutes between waves, and how many minutes before the slot's start the offers stop; and whether a freed
/// slot is offered automatically (optional, off when left out).
/// </summary>
public sealed record OfferSettingsBody(bool? Enabled, int? WaveSize, int? WaveMinutes, int? StopBeforeMinutes, bool? Automatic = null)
{
    public const int MaxWaveSize = 100;
    public const int MaxWaveMinutes = 24 * 60;
    public const int MaxStopBeforeMinutes = 2 * 24 * 60;

    /// <summary>Errors keyed "offers.{field}".</summary>
    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Enabled is null)
        {
            errors["offers.enabled"] = ["offers.enabled is required."];
        }

        if (WaveSize is not { } size || size is < 1 or > MaxWaveSize)
        {
            errors["offers.waveSize"] = [$"offers.waveSize: how many waiting patients each wave reaches, 1 to {MaxWaveSize}."];
        }

        if (WaveMinutes is not { } wait || wait is < 1 or > MaxWaveMinutes)
        {
            errors["offers.waveMinutes"] = [$"offers.waveMinutes: the minutes between waves, 1 to {MaxWaveMinutes}."];
        }

        if (StopBeforeMinutes is not { } stop || stop is < 0 or > MaxStopBeforeMinutes)
        {
            errors["offers.stopBeforeMinutes"] = [$"offers.stopBeforeMinutes: how long before the slot's start offers stop, 0 to {MaxStopBeforeMinutes} minutes."];
        }
    }

    public Grains.Contracts.OfferSettings ToSettings() =>
        new(Enabled ?? false, WaveSize ?? 1, TimeSpan.FromMinutes(WaveMinutes ?? 1), TimeSpan.FromMinutes(StopBeforeMinutes ?? 0),
            Automatic ?? false);
}
