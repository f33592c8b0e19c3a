namespace PtHub.Grains.Contracts;

/// <summary>A clinic's roster with each person's credentials and training, and its staff settings (key: clinic id).</summary>
[Alias("PtHub.IClinicStaffGrain")]
public interface IClinicStaffGrain : IGrainWithStringKey
{
    /// <summary>Refused when the therapist or the account is already someone else's on this roster.</summary>
    [Alias("Add")]
    Task<StaffChange> Add(StaffMemberSpec spec);

    [Alias("Update")]
    Task<StaffChange> Update(string staffId, StaffMemberSpec spec);

    /// <summary>Refused when the type is not one of the clinic's credential types.</summary>
    [Alias("AddCredential")]
    Task<StaffChange> AddCredential(string staffId, CredentialSpec spec, string recordedBy);

    [Alias("RemoveCredential")]
    Task<StaffChange> RemoveCredential(string staffId, string credentialId);

    /// <summary>Refused when the type is not one of the clinic's training types.</summary>
    [Alias("AddTraining")]
    Task<StaffChange> AddTraining(string staffId, TrainingSpec spec, string recordedBy);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<StaffMember>> List();

    /// <summary>The person whose sign-in account this is, if on this roster.</summary>
    [Alias("FindByUser"), AlwaysInterleave]
    Task<StaffMember?> FindByUser(string userId);

    [Alias("GetSettings"), AlwaysInterleave]
    Task<StaffSettings> GetSettings();

    /// <summary>Refused when it drops a type that someone's credential or training still has.</summary>
    [Alias("SetSettings")]
    Task<Refusal?> SetSettings(StaffSettings settings);

    /// <summary>
    /// Why the therapist may not treat on <paramref name="date"/>: every licence on file has expired by then. Null when
    /// a licence is valid that day, or when the therapist has no licence on file (nothing to contradict).
    /// </summary>
    [Alias("LicenceConflict"), AlwaysInterleave]
    Task<string?> LicenceConflict(string therapistId, DateOnly date);
}
