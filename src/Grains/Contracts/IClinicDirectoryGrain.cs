namespace PtHub.Grains.Contracts;

/// <summary>The list of clinics (key: "all"). Written only when a clinic is created, so never on a hot path.</summary>
[Alias("PtHub.IClinicDirectoryGrain")]
public interface IClinicDirectoryGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task Register(string clinicId, string name);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<ClinicListing>> List();
}
