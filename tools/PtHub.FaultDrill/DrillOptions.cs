using System.Globalization;

namespace PtHub.FaultDrill;

/// <summary>The drill's command line. Every loop it drives is bounded in count and in time.</summary>
public sealed class DrillOptions
{
    public const string Usage = """
        PtHub.FaultDrill --urls http://127.0.0.1:P1,http://127.0.0.1:P2,... [options]

        Scenarios, run in this order when their command is given (each on fresh clinics):
          --kill-cmd CMD          shell command that kills one node (kill -9) mid-load
          --kill-node I           which URL (1-based) that command kills; the drill stops sending there at once
          --restore-cmd CMD       shell command run after the node-kill scenario (restart the node, wait ready)
          --pg-restart-cmd CMD    shell command that restarts PostgreSQL mid-load (pg_ctl restart)
          --pg-outage-cmd CMD     shell command that stops PostgreSQL, keeps it down a while and starts it again
          --cold-restart-cmd CMD  shell command run at the end: restart every node, then check every 2xx again
                                  against state reloaded from PostgreSQL
        Load:
          --clinics N             clinics per scenario (default 6)
          --clients-per-node K    board clients per clinic and node (default 2)
          --rate R                commands per second over all nodes (default 30)
          --active N              visits in flight per clinic (default 10)
          --warmup S              seconds of load before the fault (default 15)
          --min-after S           at least this long after the fault command returned (default 20)
          --quiet S               and this long with no failed command (default 10)
          --max-after S           but never longer than this after the fault (default 90)
          --max-commands N        hard bound on commands per scenario (default 20000)
        Output:
          --json PATH             write the results as JSON
        """;

    public required IReadOnlyList<Uri> Urls { get; init; }

    public string? KillCommand { get; init; }

    public int KillNode { get; init; }

    public string? RestoreCommand { get; init; }

    public string? PgRestartCommand { get; init; }

    public string? PgOutageCommand { get; init; }

    public string? ColdRestartCommand { get; init; }

    public int Clinics { get; init; } = 6;

    public int ClientsPerNode { get; init; } = 2;

    public double Rate { get; init; } = 30;

    public int ActivePerClinic { get; init; } = 10;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan MinAfter { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxAfter { get; init; } = TimeSpan.FromSeconds(90);

    public int MaxCommands { get; init; } = 20_000;

    public string? JsonPath { get; init; }

    public static DrillOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Text(string key) => values.Remove(key, out var value) ? value : null;
        double Number(string key, double fallback) =>
            Text(key) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Seconds(string key, TimeSpan fallback) => TimeSpan.FromSeconds(Number(key, fallback.TotalSeconds));

        var urls = (Text("urls") ?? throw new ArgumentException("--urls is required."))
            .Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u.EndsWith('/') ? u : u + "/"))
            .ToList();
        var options = new DrillOptions
        {
            Urls = urls,
            KillCommand = Text("kill-cmd"),
            KillNode = (int)Number("kill-node", 0),
            RestoreCommand = Text("restore-cmd"),
            PgRestartCommand = Text("pg-restart-cmd"),
            PgOutageCommand = Text("pg-outage-cmd"),
            ColdRestartCommand = Text("cold-restart-cmd"),
            Clinics = (int)Number("clinics", 6),
            ClientsPerNode = (int)Number("clients-per-node", 2),
            Rate = Number("rate", 30),
            ActivePerClinic = (int)Number("active", 10),
            Warmup = Seconds("warmup", TimeSpan.FromSeconds(15)),
            MinAfter = Seconds("min-after", TimeSpan.FromSeconds(20)),
            Quiet = Seconds("quiet", TimeSpan.FromSeconds(10)),
            MaxAfter = Seconds("max-after", TimeSpan.FromSeconds(90)),
            MaxCommands = (int)Number("max-commands", 20_000),
            JsonPath = Text("json"),
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        }

        if (urls.Count == 0)
        {
            throw new ArgumentException("--urls names no node.");
        }

        if (options.KillCommand is not null && (options.KillNode < 1 || options.KillNode > urls.Count))
        {
            throw new ArgumentException("--kill-node must name one of the --urls (1-based) when --kill-cmd is given.");
        }

        if (options.KillCommand is not null && urls.Count < 2)
        {
            throw new ArgumentException("Killing a node needs at least two nodes.");
        }

        if (options.Rate is <= 0 or > 1000 || options.Clinics is < 1 or > 200 || options.ClientsPerNode is < 0 or > 20
            || options.ActivePerClinic is < 1 or > 30 || options.MaxCommands < 1)
        {
            throw new ArgumentException("A load option is out of range (rate 0-1000, clinics 1-200, clients 0-20, active 1-30).");
        }

        return options;
    }
}
