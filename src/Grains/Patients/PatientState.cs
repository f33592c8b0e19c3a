using PtHub.Grains.Contracts;

namespace PtHub.Grains.Patients;

[GenerateSerializer, Alias("PtHub.PatientState")]
public sealed class PatientState
{
    [Id(0)] public PatientRecord? Record { get; set; }

    /// <summary>The most recent visits billed, with what they billed, so billing a visit again changes nothing.</summary>
    [Id(1)] public List<BilledVisit> Billed { get; set; } = [];

    [Id(2)] public List<PlanOfCare> Plans { get; set; } = [];

    /// <summary>The visits booked for the patient (the most recent ones), so the profile can list them.</summary>
    [Id(3)] public List<string> VisitIds { get; set; } = [];
}
