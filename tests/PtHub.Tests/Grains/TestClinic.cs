using PtHub.Grains.Contracts;

namespace PtHub.Tests.Grains;

/// <summary>A small clinic for grain tests: one private room, a gym of 2, an out-of-service room, two therapists.</summary>
public static class TestClinic
{
    public static ClinicConfig Config(string name = "Test clinic") => new(
        name, "America/Chicago",
        [new(DayOfWeek.Monday, new TimeOnly(7, 0), new TimeOnly(19, 0))],
        [
            new("room-1", "Room 1", TreatmentSpaceKind.Private, 1),
            new("gym", "Gym", TreatmentSpaceKind.Gym, 2),
            new("broken", "Room 9", TreatmentSpaceKind.Private, 1, OutOfService: true),
        ],
        [new("ann", "Ann P., PT", 1), new("bob", "Bob Q., PTA", 3)],
        new AlertThresholds(), LobbyNamingMode.Initials, ClinicConfig.DefaultVisitTypes);

    /// <summary>Configures a clinic under a fresh id and registers one patient; returns both ids.</summary>
    public static async Task<(string ClinicId, string PatientId)> CreateAsync(IGrainFactory grains)
    {
        var clinicId = "c" + Guid.NewGuid().ToString("N")[..12];
        Assert.Null(await grains.GetGrain<IClinicGrain>(clinicId).Configure(Config()));
        var patientId = await AddPatientAsync(grains, clinicId);
        return (clinicId, patientId);
    }

    public static async Task<string> AddPatientAsync(IGrainFactory grains, string clinicId, string first = "Jane", string last = "Doe")
    {
        var patientId = Guid.NewGuid().ToString("N");
        await grains.GetGrain<IPatientGrain>(patientId).Register(
            new PatientDetails(clinicId, first, last, new DateOnly(1970, 5, 17), "555-0100", null));
        return patientId;
    }
}
