using PtHub.Grains.Contracts;

namespace PtHub.Grains.Storage;

/// <summary>
/// The patient search index, in the same database as grain state (tables <c>pthub_patient_index</c>,
/// <c>pthub_patient_words</c> and <c>pthub_patient_visits</c>). Written by the grains that own the truth
/// (<c>PatientGrain</c>, <c>VisitGrain</c>), always as idempotent upserts, so a grain unsure whether its last write
/// reached the index simply writes it again. A search reads only index rows of one clinic: no grain is activated.
/// </summary>
public interface IPatientIndex
{
    Task UpsertAsync(PatientIndexEntry entry, CancellationToken cancellationToken = default);

    Task RemoveAsync(string clinicId, string patientId, CancellationToken cancellationToken = default);

    /// <summary>Best matches first (see the ranking in <c>PatientIndexSql</c>), at most <see cref="PatientSearch.Limit"/>.</summary>
    Task<IReadOnlyList<PatientMatch>> SearchAsync(PatientSearch search, CancellationToken cancellationToken = default);

    /// <summary>Patients of the clinic with the same folded names and birth date, or the same phone digits (7 or more).</summary>
    Task<IReadOnlyList<PatientMatch>> FindDuplicatesAsync(PatientIndexEntry candidate, CancellationToken cancellationToken = default);

    /// <summary>Records which patient a visit is of (one row per visit; a later call re-points it).</summary>
    Task LinkVisitAsync(string clinicId, string visitId, string patientId, DateOnly date, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> VisitsOfAsync(string clinicId, string patientId, CancellationToken cancellationToken = default);

    /// <summary>The patient's visits on <paramref name="from"/> or later, by date.</summary>
    Task<IReadOnlyList<string>> VisitsFromAsync(string clinicId, string patientId, DateOnly from, CancellationToken cancellationToken = default);
}
