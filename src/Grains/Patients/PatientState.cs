using PtHub.Grains.Contracts;

namespace PtHub.Grains.Patients;

[GenerateSerializer, Alias("PtHub.PatientState")]
public sealed class PatientState
{
    [Id(0)] public PatientRecord? Record { get; set; }
}
