using PtHub.Grains.Billing;

namespace PtHub.Grains.Contracts;

/// <summary>A patient (PHI): demographics, coverage, authorizations and the counts billing rules need. Key: the patient id.</summary>
[Alias("PtHub.IPatientGrain")]
public interface IPatientGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<PatientRecord> Register(PatientDetails details);

    /// <summary>New demographics (a corrected name, a new phone); null when there is no such patient or it was merged away.</summary>
    [Alias("ChangeDetails")]
    Task<PatientRecord?> ChangeDetails(PatientDetails details);

    /// <summary>
    /// Merges <paramref name="duplicateId"/> into this patient: the duplicate becomes a pointer here, leaves the search
    /// index, and each of its visits is re-pointed to this patient. Safe to call again after a failure part-way.
    /// </summary>
    [Alias("MergeFrom")]
    Task<Refusal?> MergeFrom(string duplicateId);

    /// <summary>Called by the kept patient's grain only: this record becomes a pointer to <paramref name="keepId"/>.</summary>
    [Alias("MergeInto")]
    Task<Refusal?> MergeInto(string keepId);

    [Alias("Get"), AlwaysInterleave]
    Task<PatientRecord?> Get();

    /// <summary>Changes name, birth date and contact details; null when there is no such patient.</summary>
    [Alias("UpdateDetails")]
    Task<PatientRecord?> UpdateDetails(PatientDetails details);

    /// <summary>A visit was booked for the patient; one-way from the visit, so a series booked by this grain forms no call cycle.</summary>
    [Alias("OnVisitBooked"), OneWay]
    Task OnVisitBooked(string visitId);

    /// <summary>The patient's visits as they stand now, in order of their scheduled start.</summary>
    [Alias("GetVisits")]
    Task<IReadOnlyList<VisitSnapshot>> GetVisits();

    /// <summary>The Medicare amount of the date's year against the KX threshold, progress report and recertification.</summary>
    [Alias("GetBillingStatus")]
    Task<PatientBillingStatus?> GetBillingStatus(DateOnly today);

    [Alias("SetCoverage")]
    Task<PatientRecord?> SetCoverage(Coverage coverage);

    /// <summary>Records the outcome of an eligibility and benefits check.</summary>
    [Alias("VerifyCoverage")]
    Task<PatientRecord?> VerifyCoverage(VerificationStatus status, string by);

    [Alias("AddAuthorization")]
    Task<PatientRecord?> AddAuthorization(Authorization authorization);

    /// <summary>A progress report was written: the treatment-day count starts again.</summary>
    [Alias("RecordProgressReport")]
    Task<PatientRecord?> RecordProgressReport();

    [Alias("SetPlanOfCareStart")]
    Task<PatientRecord?> SetPlanOfCareStart(DateOnly start);

    /// <summary>Books a plan of care's series into the clinic's days; sessions that find no time are reported, not forced.</summary>
    [Alias("CreatePlanOfCare")]
    Task<PlanOfCare?> CreatePlanOfCare(PlanOfCareRequest request);

    /// <summary>
    /// The plan of care a visit on <paramref name="day"/> belongs to: the plan named <paramref name="planId"/> (null when the
    /// patient has no such plan), or with no name the latest plan whose days cover the day (null when none does).
    /// </summary>
    [Alias("FindPlan"), AlwaysInterleave]
    Task<VisitPlan?> FindPlan(string? planId, DateOnly day);

    [Alias("GetPlanProgress")]
    Task<IReadOnlyList<PlanProgress>> GetPlanProgress();

    /// <summary>
    /// Counts a cancelled or no-show visit against the patient (once per visit); any other status (a cancel or
    /// no-show undone) takes the visit off those counts.
    /// </summary>
    [Alias("RecordMissedVisit")]
    Task RecordMissedVisit(string visitId, VisitStatus status);

    /// <summary>Bills a visit at check-out: units, KX, authorization use, treatment day. Once per visit; a retry gets the same answer.</summary>
    [Alias("BillVisit")]
    Task<VisitBilling> BillVisit(string visitId, DateOnly date, ValueList<ServiceMinutes> services);
}
