namespace PtHub.Grains.Billing;

/// <summary>
/// The billing policy tables, all configuration ("PtHub:Billing"): the Medicare therapy threshold per year (KX
/// modifier above it), the targeted medical review threshold, the fee schedule of allowed amounts per unit, and
/// the progress-report and recertification intervals.
/// </summary>
public sealed class BillingOptions
{
    /// <summary>PT and speech therapy combined, per patient per calendar year. 2025 and 2026 come from secondary sources.</summary>
    public Dictionary<int, decimal> KxThresholds { get; set; } = new() { [2023] = 2230m, [2024] = 2330m, [2025] = 2410m, [2026] = 2480m };

    public decimal ReviewThreshold { get; set; } = 3000m;

    /// <summary>Allowed amount per unit by code. The default is <see cref="ExampleFeeSchedule"/>: made-up figures, replace them.</summary>
    public Dictionary<string, decimal> AllowedPerUnit { get; set; } = new(ExampleFeeSchedule.AllowedPerUnit);

    /// <summary>Medicare wants a progress report at least every this many treatment days.</summary>
    public int ProgressReportTreatmentDays { get; set; } = 10;

    /// <summary>A plan of care is recertified every this many days.</summary>
    public int RecertificationDays { get; set; } = 90;

    /// <summary>The KX threshold of a year; a year missing from the table takes the latest year known before it.</summary>
    public decimal KxThreshold(int year) =>
        KxThresholds.Where(t => t.Key <= year).OrderByDescending(t => t.Key).Select(t => (decimal?)t.Value).FirstOrDefault()
        ?? KxThresholds.OrderBy(t => t.Key).Select(t => t.Value).FirstOrDefault();

    public decimal Allowed(string code, int units) => AllowedPerUnit.GetValueOrDefault(code) * units;
}
