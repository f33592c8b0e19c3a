namespace PtHub.Bench.Search;

/// <summary>The benchmark's knobs, bound from <c>--Name value</c> arguments by the configuration command-line provider.</summary>
internal sealed class SearchBenchOptions
{
    /// <summary>Patients of the one big clinic that is searched.</summary>
    public int BigClinic { get; set; } = 50_000;

    /// <summary>Other clinics in the same tables, and patients in each (the rest of a chain's index).</summary>
    public int Clinics { get; set; } = 1_000;

    public int PerClinic { get; set; } = 50;

    /// <summary>Timed searches per kind of query, after a warm-up.</summary>
    public int Queries { get; set; } = 400;

    public int Seed { get; set; } = 13;

    /// <summary>A PostgreSQL connection string; empty: a fresh SQLite file (the embedded default).</summary>
    public string PostgreSql { get; set; } = "";

    /// <summary>Where the SQLite file goes; empty: a temporary folder, removed at the end.</summary>
    public string SqliteFile { get; set; } = "";
}
