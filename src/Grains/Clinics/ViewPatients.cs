using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// What a clinic-day's views read of a patient, and nothing more: the name for every row, and for a patient with an
/// open visit also what the billing alerts look at (coverage, authorizations, Medicare amounts, progress-report days,
/// plan of care). Once all of the patient's visits of the day are closed only the name stays, with the Medicare
/// coverage a checked-out row's KX alert needs. Contact details and birth date are never held by the day. Pure.
/// </summary>
public static class ViewPatients
{
    public static PatientRecord ForViews(PatientRecord patient, bool hasOpenVisit)
    {
        var details = new PatientDetails(patient.Details.ClinicId, patient.Details.FirstName, patient.Details.LastName, default, null, null);
        if (hasOpenVisit)
        {
            return new PatientRecord(patient.PatientId, details, patient.RegisteredAt, patient.Coverage, patient.Authorizations,
                patient.MedicareAllowed, patient.TreatmentDaysSinceProgressReport, patient.PlanOfCareStart);
        }

        var medicare = patient.Coverage is { IsMedicare: true } coverage ? coverage : null;
        return new PatientRecord(patient.PatientId, details, patient.RegisteredAt, medicare, MedicareAllowed: medicare is null ? null : patient.MedicareAllowed);
    }
}
