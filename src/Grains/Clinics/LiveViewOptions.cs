namespace PtHub.Grains.Clinics;

/// <summary>How often a clinic-day re-reads the clock, so waits and alerts move on with no command given.</summary>
public sealed class LiveViewOptions
{
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromSeconds(15);
}
