namespace PtHub.Bench.Kpis;

/// <summary>Command-line settings (--Clinics 50 --Days 365 ...), bound by the configuration command-line provider.</summary>
public sealed class KpiBenchOptions
{
    public int Clinics { get; set; } = 50;
    public int Days { get; set; } = 365;
    public int VisitsPerDay { get; set; } = 30;
    public int Queries { get; set; } = 40;
    public int Seed { get; set; } = 15;
    /// <summary>A PostgreSQL connection string (an empty database): run there instead of a throwaway SQLite file.</summary>
    public string PostgreSql { get; set; } = "";

    /// <summary>Also run the store's rebuild over the bulk-loaded facts (a recompute per clinic-day; slow at scale).</summary>
    public bool Rebuild { get; set; }

    /// <summary>False: time the history a previous run with the same clinics, days and seed loaded into --PostgreSql.</summary>
    public bool Load { get; set; } = true;
}
