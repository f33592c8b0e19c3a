using System.Diagnostics;

namespace PtHub.Bench;

/// <summary>What one view's screens received in a round; <see cref="PerCommand"/> is group messages per command.</summary>
internal sealed record ViewFigures(long Messages, double AverageBytes, double PerCommand);

/// <summary>PtHub's figures by kind of command: push latency and REST round trip (ms).</summary>
internal sealed record StepFigures(string Action, double P50, double P99, double CommandP50, double CommandP99)
{
    public static StepFigures Of(string action, SampleSink push, SampleSink command)
    {
        var p = push.Sorted();
        var c = command.Sorted();
        return new StepFigures(action, Math.Round(Stats.Percentile(p, 50), 3), Math.Round(Stats.Percentile(p, 99), 3),
            Math.Round(Stats.Percentile(c, 50), 3), Math.Round(Stats.Percentile(c, 99), 3));
    }
}

/// <summary>One round of one system. Latencies are in milliseconds; memory and CPU are the whole process's.</summary>
internal sealed record RoundResult(
    string System,
    int Round,
    int Commands,
    int Accepted,
    int Refused,
    double Seconds,
    double CommandsPerSecond,
    int ExpectedSamples,
    int Samples,
    double P50,
    double P95,
    double P99,
    double Max,
    double? CommandP50,
    double? CommandP99,
    double? ForwardP50,
    double? ForwardP99,
    double? WrittenP50,
    double? WrittenP99,
    ViewFigures Board,
    ViewFigures Lobby,
    ViewFigures Manager,
    long GcHeapBytes,
    long WorkingSetBytes,
    double CpuCores,
    int Gen0,
    int Gen1,
    int Gen2,
    int ThreadPoolThreadsMax,
    long ThreadPoolQueueMax,
    IReadOnlyList<StepFigures>? Steps)
{
    public int Missed => Math.Max(0, ExpectedSamples - Samples);

    /// <summary>Builds the figures of a finished round from its samples and counters.</summary>
    public static RoundResult From(string system, int round, RoundTally tally, ClientLayout layout, ProcessSample before, ProcessSample after)
    {
        var latencies = tally.Latencies.Sorted();
        var commandTimes = tally.CommandTimes?.Sorted();
        var forwardTimes = tally.ForwardTimes?.Sorted();
        var writtenTimes = tally.WrittenTimes?.Sorted();
        ViewFigures Figures(View view)
        {
            // Each command concerns one clinic: its group of this view holds (on average) clients / clinics screens.
            var screensPerGroup = (double)layout.Count(view) / layout.Clinics;
            var messages = tally.Counters.Messages(view);
            var perCommand = screensPerGroup == 0 || tally.Accepted == 0 ? 0 : messages / screensPerGroup / tally.Accepted;
            return new ViewFigures(messages, Math.Round(tally.Counters.AverageBytes(view), 1), Math.Round(perCommand, 3));
        }

        var seconds = tally.Elapsed.TotalSeconds;
        return new RoundResult(system, round, tally.Commands, tally.Accepted, tally.Refused,
            Math.Round(seconds, 3), Math.Round(tally.Accepted / seconds, 1),
            tally.ExpectedSamples, latencies.Length,
            Ms(Stats.Percentile(latencies, 50)), Ms(Stats.Percentile(latencies, 95)), Ms(Stats.Percentile(latencies, 99)),
            Ms(latencies.Length == 0 ? double.NaN : latencies[^1]),
            commandTimes is null ? null : Ms(Stats.Percentile(commandTimes, 50)),
            commandTimes is null ? null : Ms(Stats.Percentile(commandTimes, 99)),
            forwardTimes is null ? null : Ms(Stats.Percentile(forwardTimes, 50)),
            forwardTimes is null ? null : Ms(Stats.Percentile(forwardTimes, 99)),
            writtenTimes is null ? null : Ms(Stats.Percentile(writtenTimes, 50)),
            writtenTimes is null ? null : Ms(Stats.Percentile(writtenTimes, 99)),
            Figures(View.Board), Figures(View.Lobby), Figures(View.Manager),
            after.GcHeapBytes, after.WorkingSetBytes,
            Math.Round((after.Cpu - before.Cpu).TotalSeconds / Math.Max(seconds, 1e-3), 2),
            after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2,
            tally.ThreadsMax, tally.QueueMax,
            tally.StepLatencies is null ? null : [.. Step.Cycle.Select((step, i) => StepFigures.Of(step.Action, tally.StepLatencies[i], tally.StepCommandTimes![i]))]);
    }

    private static double Ms(double value) => Math.Round(value, 3);
}

/// <summary>The live counts of a round in progress, shared by the drivers and the clients' handlers.</summary>
internal sealed class RoundTally(int sampleCapacity, int commandCapacity, bool timeCommands, ViewCounters counters)
{
    private int _accepted;
    private int _refused;
    private int _expected;
    private int _commands;
    private long _started;
    private readonly CancellationTokenSource _stop = new();

    public SampleSink Latencies { get; } = new(sampleCapacity);

    /// <summary>Send to answer of each command (PtHub's REST round trip); null for the raw floor.</summary>
    public SampleSink? CommandTimes { get; } = timeCommands ? new SampleSink(commandCapacity) : null;

    /// <summary>By step of <see cref="Step.Cycle"/> (PtHub only): push latencies and command round trips.</summary>
    public SampleSink[]? StepLatencies { get; } = timeCommands ? [.. Step.Cycle.Select(_ => new SampleSink(sampleCapacity))] : null;

    /// <summary>Send to the bridge handing SignalR the first delta that shows the change (PtHub only).</summary>
    public SampleSink? ForwardTimes { get; } = timeCommands ? new SampleSink(commandCapacity) : null;

    /// <summary>Send to SignalR having written that delta to every connection of the group (PtHub only).</summary>
    public SampleSink? WrittenTimes { get; } = timeCommands ? new SampleSink(commandCapacity) : null;

    public SampleSink[]? StepCommandTimes { get; } = timeCommands ? [.. Step.Cycle.Select(_ => new SampleSink(commandCapacity))] : null;

    public ViewCounters Counters => counters;

    public int Accepted => Volatile.Read(ref _accepted);

    public int Refused => Volatile.Read(ref _refused);

    public int Commands => Volatile.Read(ref _commands);

    public int ExpectedSamples => Volatile.Read(ref _expected);

    public TimeSpan Elapsed { get; private set; }

    /// <summary>The most thread-pool threads seen during the round (sampled every 20 ms).</summary>
    public int ThreadsMax { get; private set; }

    /// <summary>The longest thread-pool queue seen during the round (work items waiting for a thread).</summary>
    public long QueueMax { get; private set; }

    public void Start()
    {
        counters.Reset();
        _started = Stopwatch.GetTimestamp();
        _ = SampleThreadPoolAsync(_stop.Token);
    }

    public void Stop()
    {
        Elapsed = Stopwatch.GetElapsedTime(_started);
        _stop.Cancel();
    }

    private async Task SampleThreadPoolAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            do
            {
                ThreadsMax = Math.Max(ThreadsMax, ThreadPool.ThreadCount);
                QueueMax = Math.Max(QueueMax, ThreadPool.PendingWorkItemCount);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // The round is over.
        }
    }

    /// <summary>When command number <paramref name="index"/> is due at <paramref name="rate"/> per second (0: now).</summary>
    public async Task PaceAsync(int index, double rate)
    {
        if (rate <= 0)
        {
            return;
        }

        var due = TimeSpan.FromSeconds(index / rate) - Stopwatch.GetElapsedTime(_started);
        if (due > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(due);
        }
    }

    public int NextCommand() => Interlocked.Increment(ref _commands) - 1;

    public void Accept(int expectedSamples)
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Add(ref _expected, expectedSamples);
    }

    public void Refuse() => Interlocked.Increment(ref _refused);

    /// <summary>Waits until every expected push has arrived, or the time is up (the rest count as missed).</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (Latencies.Count < ExpectedSamples && waited.Elapsed < limit)
        {
            await Task.Delay(10);
        }
    }
}
