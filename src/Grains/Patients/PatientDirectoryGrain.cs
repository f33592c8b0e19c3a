using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Patients;

[StatelessWorker]
internal sealed class PatientDirectoryGrain(IPatientIndex index) : Grain, IPatientDirectoryGrain
{
    public Task<IReadOnlyList<PatientMatch>> Search(PatientSearch search) =>
        search.ClinicId == this.GetPrimaryKeyString()
            ? index.SearchAsync(search)
            : throw new ArgumentException("A search names its own clinic's directory.", nameof(search));

    public Task<IReadOnlyList<PatientMatch>> FindDuplicates(PatientDetails details) =>
        index.FindDuplicatesAsync(new PatientIndexEntry(this.GetPrimaryKeyString(), "", details.FirstName, details.LastName,
            details.BirthDate, details.Phone));
}
