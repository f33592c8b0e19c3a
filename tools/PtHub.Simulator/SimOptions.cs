using System.Globalization;

namespace PtHub.Simulator;

/// <summary>Command-line options: <c>--seed N --clinics N --date yyyy-MM-dd --json path</c>.</summary>
internal sealed record SimOptions(int Seed, int Clinics, DateOnly Date, string? JsonPath)
{
    public static SimOptions Parse(string[] args)
    {
        var options = new SimOptions(42, 5, new DateOnly(2026, 12, 1), null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--clinics" => options with { Clinics = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 200) },
                "--date" => options with { Date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--json" => options with { JsonPath = value },
                _ => throw new ArgumentException($"Unknown option {args[i]} (use --seed, --clinics, --date, --json)."),
            };
            i++;
        }

        return options;
    }
}
