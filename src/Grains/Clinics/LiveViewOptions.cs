namespace PtHub.Grains.Clinics;

/// <summary>How often a clinic-day re-reads the clock, so waits and alerts move on with no command given, and how often its clinic wakes it.</summary>
public sealed class LiveViewOptions
{
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Period of the clinic's reminder that wakes its today (see <see cref="ClinicGrain"/>).</summary>
    public TimeSpan KeepTodayPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
