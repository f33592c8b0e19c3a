namespace PtHub.Grains.Contracts;

/// <summary>A patient's demographics (PHI). Key: the patient id.</summary>
[Alias("PtHub.IPatientGrain")]
public interface IPatientGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<PatientRecord> Register(PatientDetails details);

    [Alias("Get"), AlwaysInterleave]
    Task<PatientRecord?> Get();
}
