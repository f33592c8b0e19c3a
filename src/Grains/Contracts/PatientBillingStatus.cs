namespace PtHub.Grains.Contracts;

/// <summary>
/// Where a patient stands against the year's billing limits (docs/figures.md, "Patient profile"): the Medicare
/// allowed amount billed this calendar year against the KX threshold, the treatment days since the last progress
/// report, and when the plan of care is due for recertification.
/// </summary>
/// <param name="KxModifierRequired">Medicare coverage and the year's amount above the threshold: the next visit billed carries KX.</param>
[GenerateSerializer, Immutable, Alias("PtHub.PatientBillingStatus")]
public sealed record PatientBillingStatus(
    [property: Id(0)] int Year,
    [property: Id(1)] bool IsMedicare,
    [property: Id(2)] decimal MedicareAmount,
    [property: Id(3)] decimal KxThreshold,
    [property: Id(4)] bool KxModifierRequired,
    [property: Id(5)] decimal ReviewThreshold,
    [property: Id(6)] int TreatmentDaysSinceProgressReport,
    [property: Id(7)] int ProgressReportEvery,
    [property: Id(8)] DateOnly? PlanOfCareStart,
    [property: Id(9)] DateOnly? RecertificationDue);
