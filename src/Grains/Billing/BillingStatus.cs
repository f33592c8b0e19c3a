using PtHub.Grains.Contracts;

namespace PtHub.Grains.Billing;

/// <summary>A patient's standing against the year's billing limits, as the profile shows it. Pure.</summary>
public static class BillingStatus
{
    public static PatientBillingStatus For(PatientRecord patient, DateOnly today, BillingOptions options)
    {
        var isMedicare = patient.Coverage?.IsMedicare == true;
        var amount = patient.MedicareAllowedIn(today.Year);
        var threshold = options.KxThreshold(today.Year);
        return new PatientBillingStatus(today.Year, isMedicare, amount, threshold, isMedicare && amount > threshold, options.ReviewThreshold,
            patient.TreatmentDaysSinceProgressReport?.Count ?? 0, options.ProgressReportTreatmentDays, patient.PlanOfCareStart,
            patient.PlanOfCareStart?.AddDays(options.RecertificationDays));
    }
}
