using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PtHub.Bench.Search;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Silo.Storage;

// Patient search benchmark (issue 13): the index tables on SQLite (or PostgreSQL) against an in-memory scan, same run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<SearchBenchOptions>() ?? new SearchBenchOptions();
var random = new Random(options.Seed);
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {line}");

string? temporary = null;
PatientIndexStore index;
NpgsqlDataSource? postgres = null;
string storeName;
if (options.PostgreSql.Length > 0)
{
    await SchemaInstaller.ApplyPostgreSqlAsync(options.PostgreSql);
    postgres = NpgsqlDataSource.Create(options.PostgreSql);
    index = new PostgreSqlPatientIndex(postgres);
    storeName = "PostgreSQL";
}
else
{
    var file = options.SqliteFile.Length > 0 ? options.SqliteFile : Path.Combine(temporary = Directory.CreateTempSubdirectory("pthub-search-").FullName, "pthub.db");
    var connectionString = $"Data Source={file}";
    await SchemaInstaller.ApplySqliteAsync(connectionString);
    index = new SqlitePatientIndex(connectionString);
    storeName = "SQLite (file, WAL)";
}

try
{
    var big = SyntheticPatients.Clinic("bench-big-" + options.Seed, options.BigClinic, random);
    Log($"loading {options.BigClinic} patients of the big clinic and {options.Clinics} x {options.PerClinic} others into {storeName}");
    foreach (var chunk in big.Chunk(5_000))
    {
        await index.UpsertManyAsync(chunk);
    }

    for (var c = 0; c < options.Clinics; c++)
    {
        await index.UpsertManyAsync(SyntheticPatients.Clinic($"bench-{options.Seed}-{c}", options.PerClinic, random));
    }

    if (postgres is not null)
    {
        // Autovacuum analyzes tables that grew, but not within the seconds between this bulk load and the first query.
        await using var analyze = postgres.CreateCommand("ANALYZE pthub_patient_index; ANALYZE pthub_patient_words");
        await analyze.ExecuteNonQueryAsync();
    }

    Log("loaded; measuring");
    var memory = new MemorySearch(big);
    var clinicId = big[0].ClinicId;
    var kinds = new (string Name, Func<PatientIndexEntry, string> Query)[]
    {
        ("last-name prefix + first-name prefix (\"smi jo\")", p => $"{p.LastFolded[..Math.Min(3, p.LastFolded.Length)]} {p.FirstFolded[..2]}"),
        ("full name", p => $"{p.FirstName} {p.LastName}"),
        ("one prefix, 3 letters", p => p.LastFolded[..Math.Min(3, p.LastFolded.Length)]),
        ("birth date", p => p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("phone, last 4 digits", p => p.PhoneDigits[^4..]),
    };

    Console.WriteLine();
    Console.WriteLine($"patient search, {options.BigClinic} patients in the clinic searched, {options.BigClinic + options.Clinics * options.PerClinic} in the store ({storeName}), " +
        $"{options.Queries} queries per kind, {Environment.ProcessorCount} cores");
    Console.WriteLine($"{"query",-50} {"index p50",10} {"index p99",10} {"memory p50",11} {"memory p99",11} {"p50 ratio",10}");
    foreach (var (name, query) in kinds)
    {
        var searches = Enumerable.Range(0, options.Queries + 20).Select(_ => PatientSearch.Parse(clinicId, query(big[random.Next(big.Count)])).Search!).ToArray();
        var indexed = new List<double>();
        var scanned = new List<double>();
        for (var i = 0; i < searches.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var found = await index.SearchAsync(searches[i]);
            var indexMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            var expected = memory.Search(searches[i]);
            var memoryMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!found.Select(f => f.PatientId).SequenceEqual(expected.Select(e => e.PatientId)))
            {
                throw new InvalidOperationException($"The index and the scan disagree on '{string.Join(' ', searches[i].Words)}'.");
            }

            if (i >= 20)
            {
                indexed.Add(indexMs);
                scanned.Add(memoryMs);
            }
        }

        var (ip50, ip99, mp50, mp99) = (Percentile(indexed, 50), Percentile(indexed, 99), Percentile(scanned, 50), Percentile(scanned, 99));
        Console.WriteLine($"{name,-50} {ip50,8:0.000}ms {ip99,8:0.000}ms {mp50,9:0.000}ms {mp99,9:0.000}ms {mp50 / ip50,9:0.00}x");
    }

    Console.WriteLine("ratio = memory p50 / index p50 (above 1: the index is faster than scanning the clinic's patients in memory)");
}
finally
{
    if (postgres is not null)
    {
        await postgres.DisposeAsync();
    }

    if (temporary is not null)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(temporary, recursive: true);
    }
}

static double Percentile(List<double> values, double percent)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
