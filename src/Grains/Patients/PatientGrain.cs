using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Patients;

internal sealed class PatientGrain(
    [PersistentState("patient", StorageNames.State)] IPersistentState<PatientState> patient,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IPatientGrain
{
    public async Task<PatientRecord> Register(PatientDetails details)
    {
        var registeredAt = patient.State.Record?.RegisteredAt ?? time.GetUtcNow();
        patient.State.Record = new PatientRecord(this.GetPrimaryKeyString(), details, registeredAt);
        await patient.WriteStateAsync();
        return patient.State.Record;
    }

    public Task<PatientRecord?> Get() => Task.FromResult(patient.State.Record);
}
