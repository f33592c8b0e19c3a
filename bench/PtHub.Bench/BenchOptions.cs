using System.Globalization;

namespace PtHub.Bench;

/// <summary>The benchmark's knobs, from <c>--name value</c> arguments.</summary>
internal sealed record BenchOptions
{
    public int Clinics { get; init; } = 100;

    public int Clients { get; init; } = 1000;

    /// <summary>Commands per measured round and system. A visit takes five (arrive … check-out), so this is rounded up to a multiple of 5.</summary>
    public int Commands { get; init; } = 2000;

    public int Rounds { get; init; } = 3;

    /// <summary>Commands (PtHub) or broadcasts (raw) in flight at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Commands per second for both systems; 0 drives PtHub closed-loop (as fast as it answers) and paces raw at PtHub's rate.</summary>
    public double Rate { get; init; }

    /// <summary>Commands of the unrecorded warm-up round of each system.</summary>
    public int Warmup { get; init; } = 1000;

    /// <summary>Child processes the screens of each system run in (the node under test is measured without them).</summary>
    public int ScreenProcesses { get; init; } = 4;

    /// <summary>SignalR connections opened at once while connecting the clients (over all screen processes).</summary>
    public int ConnectConcurrency { get; init; } = 32;

    /// <summary>How long a round waits for its last pushes before counting the rest as missed.</summary>
    public double DrainSeconds { get; init; } = 15;

    /// <summary>Diagnostic: raise the thread pool's minimum (0: the runtime's default) to see how much blocking costs.</summary>
    public int MinThreads { get; init; }

    public string Json { get; init; } = Path.Combine("bench", "results", "live-push.json");

    /// <summary>
    /// A PostgreSQL server (Npgsql connection string to any database on it): the node then runs on PostgreSQL in a
    /// database of its own, created for the run and dropped after, and the run measures the server's raw insert rate.
    /// </summary>
    public string? Postgres { get; init; }

    public int VisitsPerRound => (Commands + Step.Cycle.Count - 1) / Step.Cycle.Count;

    public int WarmupVisits => Math.Max(1, (Warmup + Step.Cycle.Count - 1) / Step.Cycle.Count);

    public const string Usage =
        "usage: PtHub.Bench [--clinics 100] [--clients 1000] [--commands 2000] [--rounds 3] [--concurrency 8] [--rate 0] " +
        "[--warmup 1000] [--screen-processes 4] [--connect-concurrency 32] [--drain-seconds 15] [--min-threads 0] [--json bench/results/live-push.json] [--postgres \"Host=…;Username=…\"]";

    /// <summary>Null (after printing why) when the arguments are wrong.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                return null;
            }

            if (i + 1 >= args.Length)
            {
                return Fail($"{name} needs a value.");
            }

            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--clinics" => options with { Clinics = Positive(value) },
                    "--clients" => options with { Clients = Positive(value) },
                    "--commands" => options with { Commands = Positive(value) },
                    "--rounds" => options with { Rounds = Positive(value) },
                    "--concurrency" => options with { Concurrency = Positive(value) },
                    "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--screen-processes" => options with { ScreenProcesses = Positive(value) },
                    "--connect-concurrency" => options with { ConnectConcurrency = Positive(value) },
                    "--drain-seconds" => options with { DrainSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--json" => options with { Json = value },
                    "--min-threads" => options with { MinThreads = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--postgres" => options with { Postgres = value },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (FormatException ex)
            {
                return Fail($"{name} {value}: {ex.Message}");
            }
        }

        return options;
    }

    private static int Positive(string value) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new FormatException("must be a positive whole number");

    private static BenchOptions? Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return null;
    }
}

/// <summary>One command of a visit's cycle and the board status it leads to.</summary>
internal sealed record Step(string Action, string Status, bool NeedsRoom)
{
    public static readonly IReadOnlyList<Step> Cycle =
    [
        new("arrive", "arrived", false),
        new("check-in", "checked-in", false),
        new("start", "in-treatment", true),
        new("finish", "finished", false),
        new("check-out", "checked-out", false),
    ];
}
