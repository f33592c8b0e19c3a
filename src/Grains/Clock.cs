namespace PtHub.Grains;

public static class Clock
{
    /// <summary>
    /// The DI key of the clock that clinic time is read from (visit events, waits, alerts). It is kept apart
    /// from the unkeyed <see cref="TimeProvider"/> that Orleans itself runs on, so tests can move clinic time
    /// without moving the cluster's own timers.
    /// </summary>
    public const string Key = "pthub-clock";
}
