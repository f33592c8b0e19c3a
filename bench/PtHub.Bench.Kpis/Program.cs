using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PtHub.Bench.Kpis;
using PtHub.Grains.Kpis;
using PtHub.Silo.Storage;

// KPI trends benchmark (issue 15): the daily roll-up against a plain GROUP BY over the per-visit rows, same run, same data.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<KpiBenchOptions>() ?? new KpiBenchOptions();
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {line}");

string? temporary = null;
KpiStore store;
Func<Task<DbConnection>> open;
NpgsqlDataSource? postgres = null;
if (options.PostgreSql.Length > 0)
{
    await SchemaInstaller.ApplyPostgreSqlAsync(options.PostgreSql);
    postgres = NpgsqlDataSource.Create(options.PostgreSql);
    store = KpiStore.ForPostgreSql(postgres);
    open = async () => await postgres.OpenConnectionAsync();
}
else
{
    var file = Path.Combine(temporary = Directory.CreateTempSubdirectory("pthub-kpis-").FullName, "pthub.db");
    var connectionString = $"Data Source={file}";
    await SchemaInstaller.ApplySqliteAsync(connectionString);
    store = KpiStore.ForSqlite(connectionString);
    open = async () => { var c = new SqliteConnection(connectionString); await c.OpenAsync(); return c; };
}

try
{
    var first = new DateOnly(2025, 1, 1);
    var clinics = Enumerable.Range(0, options.Clinics).Select(i => $"bench-{options.Seed}-{i:0000}").ToList();
    var random = new Random(options.Seed);
    long facts = 0;
    foreach (var clinicId in clinics)
    {
        await using var connection = await open();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var fact in SyntheticVisits.Of(clinicId, first, options.Days, options.VisitsPerDay, random))
        {
            await SyntheticVisits.InsertAsync(connection, transaction, fact);
            facts++;
        }

        await transaction.CommitAsync();
    }

    Log($"{facts:N0} visit facts of {clinics.Count} clinics × {options.Days} days stored");
    var rebuild = Stopwatch.StartNew();
    var days = await store.RebuildAsync();
    Log($"roll-up rebuilt: {days:N0} clinic-days in {rebuild.Elapsed.TotalSeconds:0.0} s ({rebuild.Elapsed.TotalMilliseconds / days:0.00} ms a day)");

    var last = first.AddDays(options.Days - 1);
    var month = (From: last.AddDays(1 - last.Day), To: last);
    async Task<double> RollUp(IReadOnlyList<string> ids, DateOnly from, DateOnly to, KpiGrouping by)
    {
        var started = Stopwatch.GetTimestamp();
        var query = new KpiQuery(ids, from, to);
        var rows = await store.ReadDaysAsync(query);
        var waits = await store.ReadWaitsAsync(query);
        _ = KpiCalculator.ByPeriod(rows, waits, [], [], from, to, by);
        _ = KpiCalculator.Figures(rows, waits, [], [], from, to);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    async Task<double> GroupBy(IReadOnlyList<string> ids, DateOnly from, DateOnly to, bool byMonth)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        var names = string.Join(", ", ids.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"""
            SELECT {(byMonth ? "substr(day, 1, 7)" : "''")} AS period, count(*),
                   sum(CASE WHEN status = 'checked-out' THEN 1 ELSE 0 END),
                   sum(CASE WHEN status IN ('cancelled', 'noshow') THEN 1 ELSE 0 END),
                   sum(units), sum(allowed_cents),
                   sum(CASE WHEN started_at IS NOT NULL AND arrived_at IS NOT NULL THEN started_at - arrived_at ELSE 0 END)
              FROM pthub_kpi_visits
             WHERE clinic_id IN ({names}) AND day >= @from AND day <= @to AND status <> 'entered-in-error'
             GROUP BY 1
            """;
        for (var i = 0; i < ids.Count; i++)
        {
            KpiRollupSql.Add(command, "@c" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }

        KpiRollupSql.Add(command, "@from", KpiRollupSql.Day(from));
        KpiRollupSql.Add(command, "@to", KpiRollupSql.Day(to));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    var cases = new (string Name, Func<int, Task<double>> RollUp, Func<int, Task<double>> GroupBy)[]
    {
        ("one clinic, one year, by month", i => RollUp([clinics[i % clinics.Count]], first, last, KpiGrouping.Month),
            i => GroupBy([clinics[i % clinics.Count]], first, last, byMonth: true)),
        ($"all {clinics.Count} clinics, one month", _ => RollUp(clinics, month.From, month.To, KpiGrouping.Day),
            _ => GroupBy(clinics, month.From, month.To, byMonth: false)),
    };
    Console.WriteLine($"| query ({(postgres is null ? "SQLite file" : "PostgreSQL")}) | roll-up p50 | roll-up p99 | GROUP BY p50 | GROUP BY p99 | p50 ratio |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var (name, rollUp, groupBy) in cases)
    {
        for (var w = 0; w < 3; w++)
        {
            await rollUp(w);
            await groupBy(w);
        }

        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < options.Queries; i++)
        {
            a.Add(await rollUp(i));
            b.Add(await groupBy(i));
        }

        a.Sort();
        b.Sort();
        double P(List<double> s, double p) => s[Math.Min(s.Count - 1, (int)Math.Ceiling(p * s.Count) - 1)];
        Console.WriteLine($"| {name} | {P(a, 0.5):0.00} ms | {P(a, 0.99):0.00} ms | {P(b, 0.5):0.00} ms | {P(b, 0.99):0.00} ms | {P(b, 0.5) / P(a, 0.5):0.0}× |");
    }
}
finally
{
    if (postgres is not null)
    {
        await postgres.DisposeAsync();
    }

    if (temporary is not null)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(temporary, recursive: true);
    }
}
