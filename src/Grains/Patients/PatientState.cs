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

    /// <summary>
    /// The index format this record is known to be in the search index with; 0 while a change may not have reached
    /// it. Set to 0 in the same write as the change, so a crash before the index write is repaired on activation.
    /// </summary>
    [Id(5)] public int IndexedVersion { get; set; }

    /// <summary>Records merged into this one.</summary>
    [Id(4)] public List<string> MergedFrom { get; set; } = [];
}
