namespace PtHub.Bench.Memory;

/// <summary>The memory benchmark's arguments, bound by the configuration command-line provider (<c>--Name value</c>).</summary>
internal sealed class MemoryBenchOptions
{
    /// <summary>Clinic-days measured together at each size (the heap delta is divided by them).</summary>
    public int Clinics { get; init; } = 10;

    /// <summary>Visits per clinic-day, one measurement each per run.</summary>
    public string Sizes { get; init; } = "40,100,150";

    /// <summary>Runs of every size; the report gives the median over them.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>REST calls in flight while setting up.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>
    /// Idle time after which the node's short-lived activations (visits, patients, rooms, therapists, the day's
    /// booking side) are collected in this run; shorter than shipped so that the run does not wait minutes for it.
    /// </summary>
    public TimeSpan ShortLivedIdle { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often Orleans looks for idle activations in this run.</summary>
    public TimeSpan CollectionQuantum { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait for idle activations to go before the settled heap is taken anyway.</summary>
    public TimeSpan SettleLimit { get; init; } = TimeSpan.FromSeconds(90);

    public string Json { get; init; } = Path.Combine("bench", "results", "memory.json");

    public IReadOnlyList<int> VisitCounts => [.. Sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)];
}
