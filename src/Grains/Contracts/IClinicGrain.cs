namespace PtHub.Grains.Contracts;

/// <summary>A clinic's configuration: its floor, staff and policies. Key: the clinic id.</summary>
[Alias("PtHub.IClinicGrain")]
public interface IClinicGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the configuration; pushes capacities to the room and therapist grains.</summary>
    [Alias("Configure")]
    Task<Refusal?> Configure(ClinicConfig config);

    /// <summary>Configures a clinic that has no configuration yet; a taken id is refused, so a new clinic never replaces another.</summary>
    [Alias("Create")]
    Task<Refusal?> Create(ClinicConfig config);

    /// <summary>Remembers a patient with a plan of care, for the under-scheduled list.</summary>
    [Alias("AddPlanPatient")]
    Task AddPlanPatient(string patientId);

    [Alias("GetPlanPatients"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetPlanPatients();

    /// <summary>Null when the clinic has never been configured. Interleaves: it only reads.</summary>
    [Alias("GetConfig"), AlwaysInterleave]
    Task<ClinicConfig?> GetConfig();
}
