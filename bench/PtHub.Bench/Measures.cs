using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PtHub.Bench;

/// <summary>Latency samples in milliseconds, added from many threads without locks.</summary>
internal sealed class SampleSink(int capacity)
{
    private readonly double[] _values = new double[Math.Max(1, capacity)];
    private int _count;

    public int Count => Math.Min(Volatile.Read(ref _count), _values.Length);

    public void Add(long startTimestamp, long endTimestamp)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _values.Length)
        {
            _values[i] = Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;
        }
    }

    public double[] Sorted()
    {
        var copy = _values[..Count];
        Array.Sort(copy);
        return copy;
    }
}

/// <summary>Messages and bytes that the clients of each view received (the JSON payload of each message).</summary>
internal sealed class ViewCounters
{
    private readonly long[] _messages = new long[3];
    private readonly long[] _bytes = new long[3];

    public void Add(View view, JsonElement payload)
    {
        Interlocked.Increment(ref _messages[(int)view]);
        Interlocked.Add(ref _bytes[(int)view], JsonMarshal.GetRawUtf8Value(payload).Length);
    }

    public void Add(View view, int bytes)
    {
        Interlocked.Increment(ref _messages[(int)view]);
        Interlocked.Add(ref _bytes[(int)view], bytes);
    }

    public long Messages(View view) => Volatile.Read(ref _messages[(int)view]);

    public double AverageBytes(View view) => Messages(view) == 0 ? 0 : (double)Volatile.Read(ref _bytes[(int)view]) / Messages(view);

    public void Reset()
    {
        for (var i = 0; i < 3; i++)
        {
            Interlocked.Exchange(ref _messages[i], 0);
            Interlocked.Exchange(ref _bytes[i], 0);
        }
    }
}

internal static class Stats
{
    /// <summary>Nearest-rank percentile of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>Whole-process figures (GC heap: bytes allocated and not yet collected) of the bench process: both systems' servers and the command drivers; the screens run in child processes.</summary>
internal sealed record ProcessSample(long GcHeapBytes, long WorkingSetBytes, int Gen0, int Gen1, int Gen2, TimeSpan Cpu)
{
    public static ProcessSample Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSample(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), process.TotalProcessorTime);
    }
}

/// <summary>Progress lines with the time since the start.</summary>
internal static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Line(string message) =>
        Console.WriteLine($"[{Clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
}
