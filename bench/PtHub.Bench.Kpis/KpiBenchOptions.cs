namespace PtHub.Bench.Kpis;

/// <summary>Command-line settings (--Clinics 50 --Days 365 ...), bound by the configuration command-line provider.</summary>
public sealed class KpiBenchOptions
{
    public int Clinics { get; set; } = 50;
    public int Days { get; set; } = 365;
    public int VisitsPerDay { get; set; } = 30;
    public int Queries { get; set; } = 40;
    public int Seed { get; set; } = 15;
    public string PostgreSql { get; set; } = "";
}
