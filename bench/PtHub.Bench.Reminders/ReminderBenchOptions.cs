namespace PtHub.Bench.Reminders;

/// <summary>Command-line settings (the configuration binder): <c>--Messages 100000 --Clinics 1000</c>.</summary>
internal sealed class ReminderBenchOptions
{
    public int Messages { get; set; } = 5000;

    public int Clinics { get; set; } = 100;

    /// <summary>The due times are spread evenly over this many seconds from the start of the drain.</summary>
    public double SpreadSeconds { get; set; } = 10;

    public int Concurrency { get; set; } = 16;

    public int BatchSize { get; set; } = 200;
}
