using System.Diagnostics;

namespace PtHub.Bench.Slots;

/// <summary>Median, p95 and extremes of a set of timings (ms).</summary>
internal sealed record Summary(int N, double Median, double P95, double Min, double Max, double Mean)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Summary(sorted.Length, Round(median), Round(Percentile(sorted, 95)), Round(sorted[0]), Round(sorted[^1]), Round(sorted.Average()));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>Progress lines with the time since the start.</summary>
internal static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static TimeSpan Elapsed => Clock.Elapsed;

    public static void Line(string message) =>
        Console.WriteLine($"[{Clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
}

/// <summary>The machine and its load, which a shared VM's figures depend on.</summary>
internal sealed record MachineInfo(int Cores, string Runtime, string Os, bool ServerGc, string LoadAverage)
{
    public static MachineInfo Take() => new(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription, System.Runtime.GCSettings.IsServerGC, LoadAverageNow());

    /// <summary>1, 5 and 15-minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverageNow()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
