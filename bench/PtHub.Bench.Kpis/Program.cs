using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PtHub.Bench.Kpis;
using PtHub.Grains.Kpis;
using PtHub.Silo.Storage;

// KPI trends benchmark (issue 15): the daily roll-up, read summed in SQL, against a plain GROUP BY over the raw visit events
// (and over the per-visit facts, and the roll-up's former row-by-row read), same run, same data.
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
    var load = Stopwatch.StartNew();
    if (options.Load)
    {
        await using var connection = await open();
        var bulk = new BulkLoad(connection, postgres is not null);
        foreach (var clinicId in clinics)
        {
            foreach (var day in SyntheticVisits.Of(clinicId, first, options.Days, options.VisitsPerDay, random).GroupBy(f => f.Day))
            {
                bulk.Add([.. day]);
            }

            await bulk.FlushAsync();
        }

        Log($"{bulk.Visits:N0} visits ({bulk.Events:N0} events, {bulk.DayRows:N0} therapist-day rows, {bulk.WaitRows:N0} wait rows) of "
            + $"{clinics.Count} clinics × {options.Days} days loaded in {load.Elapsed.TotalSeconds:0.0} s");
    }

    if (postgres is not null && options.Load)
    {
        await using var connection = await open();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "VACUUM ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    if (options.Rebuild)
    {
        // Proof that the bulk rows are the store's own: a rebuild recomputes every clinic-day from the facts (slow at scale).
        var all = new KpiQuery(clinics, first, first.AddDays(options.Days - 1));
        var loaded = (await store.ReadDaysAsync(all)).OrderBy(r => (r.ClinicId, r.Day, r.TherapistId)).ToList();
        var loadedWaits = (await store.ReadWaitsAsync(all)).OrderBy(w => (w.ClinicId, w.Day, w.TherapistId, w.WaitMinutes)).ToList();
        var rebuild = Stopwatch.StartNew();
        var days = await store.RebuildAsync();
        var same = loaded.SequenceEqual((await store.ReadDaysAsync(all)).OrderBy(r => (r.ClinicId, r.Day, r.TherapistId)))
            && loadedWaits.SequenceEqual((await store.ReadWaitsAsync(all)).OrderBy(w => (w.ClinicId, w.Day, w.TherapistId, w.WaitMinutes)));
        Log($"roll-up rebuilt: {days:N0} clinic-days in {rebuild.Elapsed.TotalSeconds:0.0} s; rows {(same ? "identical to" : "DIFFERENT FROM")} the bulk load");
        if (!same)
        {
            return 1;
        }
    }

    var last = first.AddDays(options.Days - 1);
    var year = (From: last.AddDays(-364) < first ? first : last.AddDays(-364), To: last);
    var month = (From: last.AddDays(1 - last.Day), To: last);

    // What a report does (KpiEndpoints.ReportAsync, minus working time, spaces and plans, which the synthetic clinics have none of):
    // the roll-up summed in SQL per period, therapist and clinic, then the figures by period, in total, by therapist and by clinic.
    async Task<double> RollUp(IReadOnlyList<string> ids, DateOnly from, DateOnly to, KpiGrouping by)
    {
        var started = Stopwatch.GetTimestamp();
        var sums = await store.ReadSumsAsync(new KpiQuery(ids, from, to), by);
        _ = KpiCalculator.ByPeriod(sums.Periods, sums.PeriodWaits, [], [], from, to, by);
        _ = KpiCalculator.Figures(sums.Periods, sums.PeriodWaits, [], [], from, to);
        foreach (var t in sums.Therapists)
        {
            _ = KpiCalculator.Figures([t], sums.TherapistWaits.Where(w => w.TherapistId == t.TherapistId), [], [], from, to);
        }

        var clinicWaits = sums.ClinicWaits.ToLookup(w => w.ClinicId);
        foreach (var c in sums.Clinics)
        {
            _ = KpiCalculator.Figures([c], clinicWaits[c.ClinicId], [], [], from, to);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    // The read before: every therapist-day row and wait row of the range, added up in C# (by period and in total).
    async Task<double> RowRead(IReadOnlyList<string> ids, DateOnly from, DateOnly to, KpiGrouping by)
    {
        var started = Stopwatch.GetTimestamp();
        var query = new KpiQuery(ids, from, to);
        var rows = await store.ReadDaysAsync(query);
        var waits = await store.ReadWaitsAsync(query);
        _ = KpiCalculator.ByPeriod(rows, waits, [], [], from, to, by);
        _ = KpiCalculator.Figures(rows, waits, [], [], from, to);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    async Task<double> Baseline(string sql, IReadOnlyList<string> ids, DateOnly from, DateOnly to, object fromValue, object toValue)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        var names = string.Join(", ", ids.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = sql.Replace("{clinics}", names, StringComparison.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            KpiRollupSql.Add(command, "@c" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }

        var f = command.CreateParameter();
        f.ParameterName = "@from";
        f.Value = fromValue;
        command.Parameters.Add(f);
        var t = command.CreateParameter();
        t.ParameterName = "@to";
        t.Value = toValue;
        command.Parameters.Add(t);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    // GROUP BY over the raw events: per visit (its day, its outcome, its wait from arrive to start), then per period.
    string EventsSql(bool byMonth) => postgres is not null
        ? $"""
            SELECT {(byMonth ? "to_char(first_at, 'YYYY-MM')" : "''")} AS period, count(*), sum(attended), sum(cancelled), sum(noshow),
                   sum(extract(epoch FROM started - arrived))
              FROM (SELECT visit_id, min(occurred_at) AS first_at,
                           max(CASE WHEN to_status = 'checked-out' THEN 1 ELSE 0 END) AS attended,
                           max(CASE WHEN to_status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                           max(CASE WHEN to_status = 'noshow' THEN 1 ELSE 0 END) AS noshow,
                           max(CASE WHEN command = 'arrive' THEN occurred_at END) AS arrived,
                           max(CASE WHEN command = 'start' THEN occurred_at END) AS started
                      FROM pthub_visit_events
                     WHERE clinic_id IN ({"{clinics}"}) AND occurred_at >= @from AND occurred_at < @to
                     GROUP BY visit_id) AS v
             GROUP BY 1
            """
        : $"""
            SELECT {(byMonth ? "substr(first_at, 1, 7)" : "''")} AS period, count(*), sum(attended), sum(cancelled), sum(noshow),
                   sum((julianday(started) - julianday(arrived)) * 86400)
              FROM (SELECT visit_id, min(occurred_at) AS first_at,
                           max(CASE WHEN to_status = 'checked-out' THEN 1 ELSE 0 END) AS attended,
                           max(CASE WHEN to_status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                           max(CASE WHEN to_status = 'noshow' THEN 1 ELSE 0 END) AS noshow,
                           max(CASE WHEN command = 'arrive' THEN occurred_at END) AS arrived,
                           max(CASE WHEN command = 'start' THEN occurred_at END) AS started
                      FROM pthub_visit_events
                     WHERE clinic_id IN ({"{clinics}"}) AND occurred_at >= @from AND occurred_at < @to
                     GROUP BY visit_id) AS v
             GROUP BY 1
            """;

    Task<double> Events(IReadOnlyList<string> ids, DateOnly from, DateOnly to, bool byMonth)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return postgres is not null
            ? Baseline(EventsSql(byMonth), ids, from, to, start, end)
            : Baseline(EventsSql(byMonth), ids, from, to, start.ToString("O", CultureInfo.InvariantCulture), end.ToString("O", CultureInfo.InvariantCulture));
    }

    // GROUP BY over the per-visit facts (a row per visit, the table the roll-up is derived from).
    Task<double> Facts(IReadOnlyList<string> ids, DateOnly from, DateOnly to, bool byMonth) => Baseline($"""
        SELECT {(byMonth ? "substr(day, 1, 7)" : "''")} AS period, count(*),
               sum(CASE WHEN status = 'checked-out' THEN 1 ELSE 0 END),
               sum(CASE WHEN status IN ('cancelled', 'noshow') THEN 1 ELSE 0 END),
               sum(units), sum(allowed_cents),
               sum(CASE WHEN started_at IS NOT NULL AND arrived_at IS NOT NULL THEN started_at - arrived_at ELSE 0 END)
          FROM pthub_kpi_visits
         WHERE clinic_id IN ({"{clinics}"}) AND day >= @from AND day <= @to AND status <> 'entered-in-error'
         GROUP BY 1
        """, ids, from, to, KpiRollupSql.Day(from), KpiRollupSql.Day(to));

    // The summed read gives the row read's figures (a check, outside the timings).
    foreach (var (ids, from, to, by) in new[] { (clinics.Take(1).ToList(), year.From, year.To, KpiGrouping.Month), (clinics, month.From, month.To, KpiGrouping.Day) })
    {
        var query = new KpiQuery(ids, from, to);
        var sums = await store.ReadSumsAsync(query, by);
        var rows = await store.ReadDaysAsync(query);
        var waits = await store.ReadWaitsAsync(query);
        if (!KpiCalculator.ByPeriod(sums.Periods, sums.PeriodWaits, [], [], from, to, by).SequenceEqual(KpiCalculator.ByPeriod(rows, waits, [], [], from, to, by))
            || KpiCalculator.Figures(sums.Periods, sums.PeriodWaits, [], [], from, to) != KpiCalculator.Figures(rows, waits, [], [], from, to))
        {
            Log("the summed read's figures DIFFER from the row read's");
            return 1;
        }
    }

    Log("the summed read's figures equal the row read's (by period and in total)");
    var cases = new (string Name, int Runs, Func<int, Task<double>>[] Queries)[]
    {
        ("one clinic, one year, by month", options.Queries,
        [
            i => RollUp([clinics[i % clinics.Count]], year.From, year.To, KpiGrouping.Month),
            i => RowRead([clinics[i % clinics.Count]], year.From, year.To, KpiGrouping.Month),
            i => Events([clinics[i % clinics.Count]], year.From, year.To, byMonth: true),
            i => Facts([clinics[i % clinics.Count]], year.From, year.To, byMonth: true),
        ]),
        ($"all {clinics.Count} clinics, one month, by day", Math.Max(5, options.Queries / 4),
        [
            _ => RollUp(clinics, month.From, month.To, KpiGrouping.Day),
            _ => RowRead(clinics, month.From, month.To, KpiGrouping.Day),
            _ => Events(clinics, month.From, month.To, byMonth: false),
            _ => Facts(clinics, month.From, month.To, byMonth: false),
        ]),
    };
    Console.WriteLine($"{(postgres is null ? "SQLite file" : "PostgreSQL")}, {clinics.Count} clinics × {options.Days} days × {options.VisitsPerDay} visits; "
        + "p50 / p99 in ms; ratio = events GROUP BY p50 ÷ roll-up p50");
    Console.WriteLine("| query | runs | roll-up (summed in SQL) | roll-up rows read (before) | GROUP BY raw events | GROUP BY per-visit facts | ratio |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var (name, runs, queries) in cases)
    {
        for (var w = 0; w < 2; w++)
        {
            foreach (var q in queries)
            {
                await q(w);
            }
        }

        var samples = queries.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                samples[q].Add(await queries[q](i));
            }
        }

        foreach (var s in samples)
        {
            s.Sort();
        }

        double P(List<double> s, double p) => s[Math.Min(s.Count - 1, (int)Math.Ceiling(p * s.Count) - 1)];
        string Cell(List<double> s) => $"{P(s, 0.5):0.00} / {P(s, 0.99):0.00}";
        Console.WriteLine($"| {name} | {runs} | {string.Join(" | ", samples.Select(Cell))} | {P(samples[2], 0.5) / P(samples[0], 0.5):0.0}× |");
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
return 0;
