namespace PtHub.Web.Demo;

/// <summary>
/// Clinic time in demo mode: the system clock, except while the demo seeder replays the demo clinic's morning, when it
/// stands at the minute being replayed. So the demo's first morning carries the times it would really have had
/// (arrivals, waits, sessions) instead of all happening at the instant of the first start.
/// </summary>
internal sealed class ReplayClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Clinic time reads <paramref name="instant"/> (and runs on from it) until <see cref="Resume"/>.</summary>
    public void StandAt(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - inner.GetUtcNow()).Ticks);

    public void Resume() => Interlocked.Exchange(ref _offsetTicks, 0);
}
