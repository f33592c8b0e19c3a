namespace PtHub.Grains.Contracts;

/// <summary>
/// Finds a clinic's patients in the search index (a stateless worker: every silo answers locally, nothing is kept, no
/// patient grain is woken). Key: the clinic id.
/// </summary>
[Alias("PtHub.IPatientDirectoryGrain")]
public interface IPatientDirectoryGrain : IGrainWithStringKey
{
    [Alias("Search")]
    Task<IReadOnlyList<PatientMatch>> Search(PatientSearch search);

    /// <summary>Known patients a registration of <paramref name="details"/> would duplicate (same names and birth date, or phone).</summary>
    [Alias("FindDuplicates")]
    Task<IReadOnlyList<PatientMatch>> FindDuplicates(PatientDetails details);
}
