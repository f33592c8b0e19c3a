using PtHub.Grains.Contracts;

namespace PtHub.Grains.Patients;

[GenerateSerializer, Alias("PtHub.BilledVisit")]
public sealed record BilledVisit([property: Id(0)] string VisitId, [property: Id(1)] VisitBilling Billing);
