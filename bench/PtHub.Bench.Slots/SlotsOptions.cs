using System.Globalization;

namespace PtHub.Bench.Slots;

/// <summary>The benchmark's knobs, from <c>--name value</c> arguments.</summary>
internal sealed record SlotsOptions
{
    /// <summary>Days searched (and booked), from tomorrow in the clinic's time zone; the endpoint takes at most 31.</summary>
    public int Days { get; init; } = 28;

    /// <summary>Visits booked per therapist and day (as many as fit, up to this).</summary>
    public int VisitsPerDay { get; init; } = 12;

    /// <summary>Patients the visits are spread over (none is booked twice at once).</summary>
    public int Patients { get; init; } = 240;

    /// <summary>The "busy therapist" of the one-therapist query.</summary>
    public string Therapist { get; init; } = "t1";

    /// <summary>IANA time zone of the clinic.</summary>
    public string Zone { get; init; } = "America/Chicago";

    /// <summary>Repetitions of each pure query in level 1 (after warm-up).</summary>
    public int PureReps { get; init; } = 100;

    /// <summary>Cold rounds: each deactivates every grain and times each query's first call.</summary>
    public int ColdRounds { get; init; } = 5;

    /// <summary>Warm repetitions of each HTTP query (each paired with a pure run of the same query).</summary>
    public int Warm { get; init; } = 50;

    /// <summary>REST calls in flight while setting up.</summary>
    public int Concurrency { get; init; } = 8;

    public int Seed { get; init; } = 5;

    public string Json { get; init; } = Path.Combine("bench", "results", "free-slots.json");

    public const string Usage =
        "usage: PtHub.Bench.Slots [--days 28] [--visits-per-day 12] [--patients 240] [--therapist t1] [--zone America/Chicago] " +
        "[--pure-reps 100] [--cold-rounds 5] [--warm 50] [--concurrency 8] [--seed 5] [--json bench/results/free-slots.json]";

    /// <summary>Null (after printing why) when the arguments are wrong.</summary>
    public static SlotsOptions? Parse(string[] args)
    {
        var options = new SlotsOptions();
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
                    "--days" => options with { Days = Positive(value) is var d and <= 31 ? d : throw new FormatException("the endpoint takes 1 to 31 days") },
                    "--visits-per-day" => options with { VisitsPerDay = Positive(value) },
                    "--patients" => options with { Patients = Positive(value) },
                    "--therapist" => options with { Therapist = value },
                    "--zone" => options with { Zone = TimeZoneInfo.TryFindSystemTimeZoneById(value, out _) ? value : throw new FormatException("unknown time zone") },
                    "--pure-reps" => options with { PureReps = Positive(value) },
                    "--cold-rounds" => options with { ColdRounds = Positive(value) },
                    "--warm" => options with { Warm = Positive(value) },
                    "--concurrency" => options with { Concurrency = Positive(value) },
                    "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--json" => options with { Json = value },
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

    private static SlotsOptions? Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return null;
    }
}
